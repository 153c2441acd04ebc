package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The long-running commands, bounded for a test: watch for a few polls, schedule for one trigger. */
class WatchAndScheduleEndToEndTest {
    @TempDir
    Path lake;

    @Test
    void watchIngestsAFileOnceItHasSettled() {
        Lakes.drop(lake, "raw/ndjson/a.ndjson", Lakes.ndjson("2024-11-29", 3, "10.0.0."));

        Cli.Result watch = Cli.run(lake, "watch", "--polls", "3", "--interval-ms", "150", "--settle-ms", "0");

        assertThat(watch.exitCode()).as(watch.err()).isZero();
        assertThat(watch.out()).contains("routed   raw/ndjson/a.ndjson -> 2024-11-29");
        assertThat(lake.resolve("validated/ndjson/year=2024/month=11/day=29/a.ndjson")).exists();
        assertThat(lake.resolve("raw/ndjson/a.ndjson")).doesNotExist();
    }

    @Test
    void scheduleOnceRunsYesterdayAndReportsPendingDaysBeyondTheWindow() {
        Lakes.drop(lake, "raw/ndjson/old.ndjson", Lakes.ndjson("2024-11-29", 2, "10.0.0."));
        Cli.run(lake, "ingest");

        Cli.Result schedule = Cli.run(lake, "schedule", "--once", "--lookback-days", "3");

        assertThat(schedule.exitCode()).as(schedule.out() + schedule.err()).isZero();
        assertThat(schedule.out()).contains("need 'atlas backfill': [2024-11-29]").contains("SUCCEEDED");
        assertThat(Cli.run(lake, "status").out()).contains("2024-11-29").contains("yes");
    }

    @Test
    void backfillPrintsProgressAndASummary() {
        Lakes.drop(lake, "raw/ndjson/a.ndjson", Lakes.ndjson("2024-11-29", 5, "10.0.0."));
        Cli.run(lake, "ingest");

        Cli.Result backfill = Cli.run(lake, "backfill", "--from", "2024-11-28", "--to", "2024-11-30");

        assertThat(backfill.exitCode()).isZero();
        assertThat(backfill.out()).contains("[1/3] 2024-11-28", "[3/3] 2024-11-30", "3 dates: 3 succeeded, 0 failed");
        assertThat(backfill.out()).containsPattern("2024-11-29\\s+SUCCEEDED\\s+5\\s+0\\s+5");
    }
}
