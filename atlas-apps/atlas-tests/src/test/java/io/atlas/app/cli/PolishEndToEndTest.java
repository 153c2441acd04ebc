package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 6: progress on stderr, "did you mean", exit codes in --help, the real version. */
class PolishEndToEndTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path lake;

    @Test
    void aMistypedCommandGetsASuggestion() {
        Cli.Result result = Cli.run(lake, "statsu");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.firstErrLine()).contains("statsu").contains("did you mean status?");
    }

    @Test
    void helpListsTheExitCodes() {
        for (String[] help : new String[][] {{"--help"}, {"run", "--help"}, {"query", "--help"}}) {
            Cli.Result result = Cli.run(lake, help);
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).as(String.join(" ", help)).contains("Exit codes:")
                    .containsPattern("0\\s+success").containsPattern("1\\s+failure").containsPattern("2\\s+bad arguments");
        }
    }

    @Test
    void versionIsTheProjectsWithItsCommit() {
        Cli.Result result = Cli.runRaw("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines().get(0)).matches("Atlas \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit (unknown|[0-9a-f]{7,40})\\)");
        assertThat(result.out()).doesNotContain("${");
    }

    @Test
    void aTinyIngestPrintsNoProgressAndKeepsResultsOnStdout() {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 3, "10.0.0."));

        Cli.Result ingest = Cli.run(lake, "ingest");

        assertThat(ingest.exitCode()).isZero();
        assertThat(ingest.err()).isEmpty();
        assertThat(ingest.out()).contains("Ingested 1 files");
    }

    @Test
    void progressShowsRateAndTimeLeftAtMostOnceASecond() {
        AtomicLong now = new AtomicLong(0);
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err, true), "ingest", "files", 100, now::get);

        now.set(SECOND / 2);
        progress.advance(5);
        assertThat(err.toString()).as("nothing in the first second").isEmpty();
        now.set(2 * SECOND);
        progress.advance(10);
        now.set(2 * SECOND + SECOND / 2);
        progress.advance(12);
        now.set(4 * SECOND);
        progress.advance(40);
        progress.finish(100);

        assertThat(err.toString().lines()).containsExactly("ingest: 10/100 files (5.0 files/s, ETA 18s)",
                "ingest: 40/100 files (10.0 files/s, ETA 6s)", "ingest: 100/100 files in 4s");
    }

    @Test
    void workThatEndsWithinASecondPrintsNothing() {
        AtomicLong now = new AtomicLong(0);
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err, true), "run", "days", 3, now::get);
        now.set(SECOND / 3);
        progress.advance(1);
        progress.advance(2);
        progress.finish(3);

        assertThat(err.toString()).isEmpty();
    }
}
