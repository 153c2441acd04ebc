package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day-level gates on a generated history: a normal week, an outage day (a tenth of the volume), a day with a
 * reject spike, then a normal day again. Gates flag the two bad days only and never change their numbers.
 */
class QualityGatesEndToEndTest {
    private static final LocalDate START = LocalDate.of(2024, 11, 1);

    @TempDir
    Path lake;

    @TempDir
    Path work;

    /** An access record with a valid day but a status that is not a number: a row-level reject of that day. */
    private static String badStatus(String date, int i) {
        return "{\"timestamp\": \"" + date + "T05:00:" + String.format("%02d", i % 60) + "Z\", \"ip\": \"9.9.9." + i
                + "\", \"user_agent\": \"Chrome/120.0\", \"request_type\": \"GET\", \"status\": \"oops\", \"endpoint\": \"/\"}\n";
    }

    private void day(int offset, int records, int rejects) {
        String date = START.plusDays(offset).toString();
        StringBuilder content = new StringBuilder(Lakes.ndjson(date, records, "10." + offset + "."));
        for (int i = 0; i < rejects; i++) {
            content.append(badStatus(date, i));
        }
        Lakes.drop(lake, "raw/ndjson/day-" + date + ".ndjson", content.toString());
    }

    @BeforeEach
    void normalWeek() {
        int[] week = {300, 270, 330, 310, 290, 305, 280};
        for (int i = 0; i < week.length; i++) {
            day(i, week[i], 2);
        }
        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        assertThat(Cli.run(lake, "run", "--pending").exitCode()).isZero();
    }

    private String statusLine(String date) {
        return Cli.run(lake, "status").outLines().stream().filter(l -> l.startsWith(date)).findFirst().orElseThrow();
    }

    @Test
    void aNormalWeekPassesEveryGate() {
        for (int i = 0; i < 7; i++) {
            assertThat(statusLine(START.plusDays(i).toString())).endsWith("PASS");
        }
    }

    @Test
    void theOutageAndTheRejectSpikeWarnAndTheNextNormalDayPasses() {
        day(7, 30, 0); // outage: a tenth of the usual volume
        day(8, 300, 40); // 40 of 340 records rejected: 11.8%
        day(9, 295, 2);
        Cli.run(lake, "ingest");

        Cli.Result runs = Cli.run(lake, "run", "--pending");

        assertThat(runs.exitCode()).as("warnings do not fail the run").isZero();
        assertThat(runs.out()).contains("Quality gate volume WARN: 30 events, below 0.5 x the median 300 of 7 trailing days")
                .contains("Quality gate reject-rate WARN: 40 of 340 records rejected (11.8%), above 5.0%");
        assertThat(statusLine("2024-11-08")).endsWith("WARN volume").contains(" 30 ");
        assertThat(statusLine("2024-11-09")).endsWith("WARN reject-rate");
        assertThat(statusLine("2024-11-10")).endsWith("PASS");
        assertThat(Cli.run(lake, "status", "--format", "json").out()).contains("\"tripped_gates\" : [ \"volume WARN: 30 events");
    }

    @Test
    void aFailGateExitsOneAfterPublishingTheDaysNumbers() throws IOException {
        Path config = work.resolve("atlas.properties");
        Files.writeString(config, "atlas.gates.volume.action=fail\natlas.gates.volume.min-fraction=0.5\n");
        day(7, 30, 0);
        Cli.run(lake, "ingest");

        Cli.Result run = Cli.run(lake, "--config", config.toString(), "run", "--date", "2024-11-08");

        assertThat(run.exitCode()).isEqualTo(AtlasCli.FAILED);
        assertThat(run.out()).contains("SUCCEEDED").contains("Quality gate volume FAIL: 30 events");
        assertThat(statusLine("2024-11-08")).containsPattern("no\\s+30\\s").endsWith("FAIL volume");
        assertThat(Cli.run(lake, "query", "--format", "csv", "SELECT total_requests FROM log_analytics_db.daily_activity "
                + "WHERE date = DATE '2024-11-08'").outLines().get(1)).isEqualTo("30");
    }

    @Test
    void aMistypedOrInvalidGateSettingIsRefused() throws IOException {
        Path typo = work.resolve("typo.properties");
        Files.writeString(typo, "atlas.gates.volume.min-fractoin=0.5\n");
        Path invalid = work.resolve("invalid.properties");
        Files.writeString(invalid, "atlas.gates.reject-rate.action=loud\n");

        assertThat(Cli.run(lake, "--config", typo.toString(), "status").err())
                .contains("Cannot read atlas.gates.volume.min-fractoin: not a gate setting");
        assertThat(Cli.run(lake, "--config", invalid.toString(), "status").err())
                .contains("Cannot read atlas.gates.reject-rate.action 'loud': use off, warn or fail");
    }
}
