package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reprocessing a corrected day replaces its numbers (SPEC §4), by date and by --pending. */
class ReprocessingEndToEndTest {
    @TempDir
    Path lake;

    private String gold(String date) {
        return Cli.run(lake, "query", "--format", "csv", "SELECT total_requests FROM log_analytics_db.daily_activity "
                + "WHERE date = DATE '" + date + "'").outLines().get(1);
    }

    private String rowsFrom(String date, String name) {
        return Cli.run(lake, "query", "--format", "csv", "SELECT COUNT(*) AS n FROM log_analytics_db.logs WHERE day = "
                + Integer.parseInt(date.substring(8)) + " AND source_file LIKE '%/" + name + "'").outLines().get(1);
    }

    @Test
    void aCorrectedFileOf70ReplacesTheFirst50() {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 50, "10.0.0."));
        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
        assertThat(gold("2024-11-29")).isEqualTo("50");

        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 70, "10.0.0."));
        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();

        assertThat(gold("2024-11-29")).isEqualTo("70");
        assertThat(rowsFrom("2024-11-29", "day.ndjson")).isEqualTo("70");
        assertThat(Cli.run(lake, "validate", "--date", "2024-11-29").exitCode()).isZero();
    }

    @Test
    void theCorrectionIsPickedUpByPending() {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 50, "10.0.0."));
        Cli.run(lake, "ingest");
        assertThat(Cli.run(lake, "run", "--pending").exitCode()).isZero();
        assertThat(gold("2024-11-29")).isEqualTo("50");
        assertThat(Cli.run(lake, "run", "--pending").out()).contains("No pending days.");

        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 70, "10.0.0."));
        Cli.run(lake, "ingest");
        Cli.Result status = Cli.run(lake, "status");
        assertThat(status.out()).containsPattern("2024-11-29\\s+\\S+\\s+1\\s+yes\\s+50");
        assertThat(Cli.run(lake, "run", "--pending").exitCode()).isZero();

        assertThat(gold("2024-11-29")).isEqualTo("70");
        assertThat(Cli.run(lake, "run", "--pending").out()).contains("No pending days.");
    }

    @Test
    void aReuploadNoLongerTouchingADayRemovesItsCopyAndMarksThatDayPending() {
        String spanning = Lakes.ndjsonLine("2024-11-29T23:59:00Z", "1.1.1.1", 200) + Lakes.ndjsonLine("2024-11-30T00:01:00Z", "2.2.2.2", 200);
        Lakes.drop(lake, "raw/ndjson/span.ndjson", spanning);
        Cli.run(lake, "ingest");
        assertThat(lake.resolve("validated/ndjson/year=2024/month=11/day=29/span.ndjson")).exists();
        assertThat(lake.resolve("validated/ndjson/year=2024/month=11/day=30/span.ndjson")).exists();
        Cli.run(lake, "run", "--pending");

        Lakes.drop(lake, "raw/ndjson/span.ndjson", Lakes.ndjsonLine("2024-11-30T00:01:00Z", "2.2.2.2", 200));
        Cli.Result ingest = Cli.run(lake, "ingest");

        assertThat(ingest.out()).contains("1 stale copies removed");
        assertThat(lake.resolve("validated/ndjson/year=2024/month=11/day=29/span.ndjson")).doesNotExist();
        assertThat(Cli.run(lake, "run", "--pending").exitCode()).isZero();
        assertThat(gold("2024-11-29")).isEqualTo("0");
        assertThat(gold("2024-11-30")).isEqualTo("1");
    }
}
