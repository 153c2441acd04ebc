package io.atlas.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.app.cli.Cli;
import io.atlas.app.cli.Lakes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed between publishing a part file and committing its marker (in a forked JVM) is shown ABANDONED by the
 * next command, which also removes the part file it never committed, so direct directory readers see the previous
 * commit only; a rerun then succeeds.
 */
class DeadRunRecoveryTest {
    private static final String ACCESS = "processed/logs/log_type=access/year=2024/month=11/day=29";

    @TempDir
    Path lake;

    private List<String> parquetFiles() throws IOException {
        if (!Files.isDirectory(lake.resolve(ACCESS))) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(lake.resolve(ACCESS))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"runs", "status", "run"})
    void theNextCommandMarksTheDeadRunAbandonedAndRemovesWhatItNeverCommitted(String command) throws Exception {
        Lakes.drop(lake, "raw/ndjson/a.ndjson", Lakes.ndjson("2024-11-29", 10, "10.0.0."));
        Cli.run(lake, "ingest");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
        List<String> committed = parquetFiles();
        Lakes.drop(lake, "raw/ndjson/b.ndjson", Lakes.ndjson("2024-11-29", 5, "10.0.1."));
        Cli.run(lake, "ingest");

        int exit = Forks.run(lake.resolve("fork.log"), DyingRun.class, lake.toString(), "2024-11-29",
                "write " + ACCESS + "/_atlas_commit.json");

        assertThat(exit).as(Files.readString(lake.resolve("fork.log"))).isEqualTo(137);
        assertThat(parquetFiles()).as("the dead run published a part file it never committed").hasSizeGreaterThan(committed.size());
        assertThat(ledgerRecords()).as("the dead run is left RUNNING in the ledger").anyMatch(r -> r.contains("\"RUNNING\""));

        Cli.Result next = command.equals("run") ? Cli.run(lake, "run", "--date", "2024-11-29") : Cli.run(lake, command);

        assertThat(next.exitCode()).as(next.err()).isZero();
        Cli.Result runs = Cli.run(lake, "runs");
        assertThat(runs.out()).contains("ABANDONED").doesNotContain("RUNNING");
        if (command.equals("run")) {
            assertThat(Cli.run(lake, "query", "--format", "csv", "SELECT COUNT(*) AS n FROM log_analytics_db.logs").outLines())
                    .containsExactly("n", "15");
        } else {
            assertThat(parquetFiles()).isEqualTo(committed);
            assertThat(Cli.run(lake, "query", "--format", "csv", "SELECT COUNT(*) AS n FROM log_analytics_db.logs").outLines())
                    .containsExactly("n", "10");
            assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
        }
        assertThat(Cli.run(lake, "validate", "--date", "2024-11-29").exitCode()).isZero();
        assertThat(runs.out().lines().filter(l -> l.contains("ABANDONED")).findFirst().orElseThrow()).contains("normalize");
    }

    @org.junit.jupiter.api.Test
    void anOutOfMemoryErrorIsRecordedAsTheRunsFailureWithAHintBeforeTheProcessEnds() throws Exception {
        Lakes.drop(lake, "raw/ndjson/a.ndjson", Lakes.ndjson("2024-11-29", 10, "10.0.0."));
        Cli.run(lake, "ingest");

        int exit = Forks.run(lake.resolve("fork.log"), DyingRun.class, lake.toString(), "2024-11-29",
                "write " + ACCESS + "/_atlas_commit.json", "oom");

        String log = Files.readString(lake.resolve("fork.log"));
        assertThat(exit).as(log).isNotZero().isNotEqualTo(137);
        assertThat(log).contains("OutOfMemoryError");
        assertThat(ledgerRecords()).singleElement().asString().contains("\"FAILED\"").doesNotContain("\"RUNNING\"")
                .contains("Cannot normalize 2024-11-29: out of memory (Java heap space); raise the heap"
                        + " (ATLAS_JAVA_OPTS=-Xmx...) or lower atlas.threads");
        assertThat(parquetFiles()).as("the failed run removed the part file it published but did not commit").isEmpty();
        Cli.Result runs = Cli.run(lake, "runs");
        assertThat(runs.out()).contains("FAILED").doesNotContain("ABANDONED");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
    }

    private List<String> ledgerRecords() throws IOException {
        try (Stream<Path> files = Files.list(lake.resolve("_atlas/runs"))) {
            List<Path> paths = files.toList();
            List<String> records = new java.util.ArrayList<>();
            for (Path path : paths) {
                records.add(Files.readString(path));
            }
            return records;
        }
    }
}
