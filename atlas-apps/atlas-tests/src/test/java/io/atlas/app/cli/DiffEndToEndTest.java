package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atlas diff} and the change each rerun records: the 50 -> 70 correction and a re-upload that moves records. */
class DiffEndToEndTest {
    @TempDir
    Path lake;

    private List<String> runIds(String date) {
        return Cli.run(lake, "runs", "--format", "json").outLines().stream().filter(l -> l.contains("\"run_id\""))
                .map(l -> l.replaceAll(".*\"run_id\" : \"([^\"]+)\".*", "$1")).toList();
    }

    @Test
    void theCorrectionOf50To70IsDiffedAndRecordedInTheLedger() {
        Lakes.drop(lake, "raw/ndjson/corrected/orders.ndjson", Lakes.ndjson("2024-11-29", 50, "10.0.0."));
        Cli.run(lake, "ingest");
        Cli.Result first = Cli.run(lake, "run", "--date", "2024-11-29");
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).doesNotContain("Changed since run");
        Lakes.drop(lake, "raw/ndjson/corrected/orders.ndjson", Lakes.ndjson("2024-11-29", 70, "10.0.0."));
        Cli.run(lake, "ingest");

        Cli.Result rerun = Cli.run(lake, "run", "--date", "2024-11-29");

        assertThat(rerun.exitCode()).isZero();
        assertThat(rerun.out()).containsPattern("Changed since run \\S+: total_requests 50 -> 70 \\(\\+20\\), .*: "
                + "corrected/orders.ndjson replaced");
        Cli.Result diff = Cli.run(lake, "diff", "--date", "2024-11-29");
        assertThat(diff.exitCode()).isZero();
        assertThat(diff.outLines().get(1)).startsWith("total_requests 50 -> 70 (+20)").endsWith(": corrected/orders.ndjson replaced");
        assertThat(diff.out()).containsPattern("corrected/orders.ndjson\\s+replaced\\s+[0-9a-f]{12}\\s+[0-9a-f]{12}")
                .containsPattern("total_requests\\s+50\\s+70\\s+\\+20")
                .containsPattern("requests_by_type\\[GET\\]\\s+50\\s+70\\s+\\+20");
        assertThat(Cli.run(lake, "runs").out()).contains("total_requests 50 -> 70 (+20)");
    }

    @Test
    void aReuploadThatMovesARecordToTheNextDayShowsOnBothDays() {
        String spanning = Lakes.ndjsonLine("2024-11-29T23:59:00Z", "1.1.1.1", 200) + Lakes.ndjsonLine("2024-11-30T00:01:00Z", "2.2.2.2", 200);
        Lakes.drop(lake, "raw/ndjson/span.ndjson", spanning);
        Cli.run(lake, "ingest");
        assertThat(Cli.run(lake, "run", "--pending").exitCode()).isZero();
        // the 23:59 record was really 00:00:30 the next day
        Lakes.drop(lake, "raw/ndjson/span.ndjson", Lakes.ndjsonLine("2024-11-30T00:00:30Z", "1.1.1.1", 200)
                + Lakes.ndjsonLine("2024-11-30T00:01:00Z", "2.2.2.2", 200));
        Cli.run(lake, "ingest");
        assertThat(Cli.run(lake, "run", "--pending").exitCode()).isZero();

        Cli.Result day29 = Cli.run(lake, "diff", "--date", "2024-11-29");
        Cli.Result day30 = Cli.run(lake, "diff", "--date", "2024-11-30");

        assertThat(day29.outLines().get(1)).startsWith("total_requests 1 -> 0 (-1)").endsWith(": span.ndjson removed");
        assertThat(day30.outLines().get(1)).startsWith("total_requests 1 -> 2 (+1)").endsWith(": span.ndjson replaced");
        assertThat(day30.out()).containsPattern("unique_ips\\s+1\\s+2\\s+\\+1");
    }

    @Test
    void explicitRunsAreDiffedInTheOrderGivenAndASecondRunOnTheSameInputChangesNothing() {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 5, "10.0.0."));
        Cli.run(lake, "ingest");
        Cli.run(lake, "run", "--date", "2024-11-29");
        assertThat(Cli.run(lake, "diff", "--date", "2024-11-29").err())
                .contains("Cannot diff 2024-11-29: it has 1 successful run(s) with recorded inputs; a diff needs two");
        Cli.run(lake, "run", "--date", "2024-11-29");
        List<String> runs = runIds("2024-11-29");

        Cli.Result same = Cli.run(lake, "diff", "--date", "2024-11-29", "--run", runs.get(1), "--run", runs.get(0));

        assertThat(same.exitCode()).isZero();
        assertThat(same.outLines().get(1)).isEqualTo("no change");
        assertThat(Cli.run(lake, "runs").out()).contains("no change");
        assertThat(Cli.run(lake, "diff", "--date", "2024-11-29", "--run", runs.get(0)).exitCode()).isEqualTo(AtlasCli.USAGE);
        assertThat(Cli.run(lake, "diff", "--date", "2024-11-29", "--run", runs.get(0), "--run", "nope").err())
                .contains("Cannot diff 2024-11-29: run nope is not a successful run of the day");
    }
}
