package io.atlas.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.app.cli.AtlasCli;
import io.atlas.app.cli.Cli;
import io.atlas.app.cli.Lakes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `atlas run`s of different dates in separate processes at once: every date's partitions end up in the catalog. */
class ConcurrentDatesTest {
    private static final List<String> DATES = List.of("2024-11-27", "2024-11-28", "2024-11-29");

    @TempDir
    Path lake;

    @Test
    void runsOfDifferentDatesInParallelProcessesKeepEveryDatesPartitions() throws Exception {
        for (String date : DATES) {
            Lakes.drop(lake, "raw/ndjson/" + date + ".ndjson", Lakes.ndjson(date, 20, "10.0." + date.substring(8) + "."));
        }
        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();

        List<Process> runs = new ArrayList<>();
        for (String date : DATES) {
            runs.add(Forks.start(lake.resolve("run-" + date + ".log"), AtlasCli.class, "--lake", lake.toString(), "run",
                    "--date", date));
        }
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
            assertThat(runs.get(i).exitValue()).as(Files.readString(lake.resolve("run-" + DATES.get(i) + ".log"))).isZero();
        }

        Cli.Result perDay = Cli.run(lake, "query", "--format", "csv",
                "SELECT day, COUNT(*) AS n FROM log_analytics_db.logs GROUP BY day ORDER BY day");
        assertThat(perDay.outLines()).containsExactly("day,n", "27,20", "28,20", "29,20");
        assertThat(Cli.run(lake, "query", "--format", "csv",
                "SELECT COUNT(*) AS n FROM log_analytics_db.daily_activity").outLines()).containsExactly("n", "3");
        for (String date : DATES) {
            assertThat(Cli.run(lake, "validate", "--date", date).exitCode()).as(date).isZero();
        }
    }
}
