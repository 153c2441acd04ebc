package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A late file for a day already run is reprocessed by --pending without a human picking the date. */
class LateFilesEndToEndTest {
    @TempDir
    Path lake;

    private long total(String date) {
        return Long.parseLong(Cli.run(lake, "query", "--format", "csv", "SELECT total_requests FROM "
                + "log_analytics_db.daily_activity WHERE date = DATE '" + date + "'").outLines().get(1));
    }

    @Test
    void aLateFileOf25RecordsRaisesItsDayBy25AndOnlyThatDayReruns() {
        Lakes.dropOriginDay(lake, "2024-11-29");
        Lakes.dropOriginDay(lake, "2024-11-30");
        Cli.run(lake, "ingest");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
        assertThat(Cli.run(lake, "run", "--date", "2024-11-30").exitCode()).isZero();
        long before29 = total("2024-11-29");
        long before30 = total("2024-11-30");
        int runsBefore = Cli.run(lake, "runs", "--limit", "100", "--format", "json").out().split("\"run_id\"").length;

        Lakes.drop(lake, "raw/ndjson/late_2024-11-29.ndjson", Lakes.ndjson("2024-11-29", 25, "172.16.0."));
        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        Cli.Result pending = Cli.run(lake, "run", "--pending");

        assertThat(pending.exitCode()).isZero();
        assertThat(pending.out()).contains("Run ").contains("for 2024-11-29").doesNotContain("for 2024-11-30");
        assertThat(total("2024-11-29")).isEqualTo(before29 + 25);
        assertThat(total("2024-11-30")).isEqualTo(before30);
        assertThat(Cli.run(lake, "run", "--pending").out()).contains("No pending days.");
        int runsAfter = Cli.run(lake, "runs", "--limit", "100", "--format", "json").out().split("\"run_id\"").length;
        assertThat(runsAfter - runsBefore).isEqualTo(1);
    }
}
