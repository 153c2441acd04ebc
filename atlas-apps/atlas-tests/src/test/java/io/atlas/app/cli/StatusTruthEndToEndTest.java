package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 4: status shows each day's latest run and what to do next; formats and limits are checked. */
class StatusTruthEndToEndTest {
    @TempDir
    Path lake;

    private String statusLine(String date) {
        return Cli.run(lake, "status").outLines().stream().filter(l -> l.startsWith(date)).findFirst().orElseThrow();
    }

    @Test
    void aFailedLatestRunIsNotHiddenBehindAnOlderSuccess() {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 10, "10.0.0."));
        Cli.run(lake, "ingest");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
        assertThat(statusLine("2024-11-29")).containsPattern("\\sSUCCEEDED\\s+PASS$");
        Lakes.drop(lake, "validated/json_gzip/year=2024/month=11/day=29/hand-placed.json.gz", "not gzip at all");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isEqualTo(1);

        Cli.Result status = Cli.run(lake, "status");

        assertThat(statusLine("2024-11-29")).containsPattern("\\s10\\s+0\\s+0\\s+FAILED \\(normalize\\)\\s+PASS$"); // the older success's totals stay
        assertThat(status.out()).contains("Next: the latest run of 2024-11-29 failed; see 'atlas runs'");
        assertThat(Cli.run(lake, "status", "--format", "json").out()).contains("\"last_run_state\" : \"FAILED\"")
                .contains("\"last_run_failed_step\" : \"normalize\"");
    }

    @Test
    void pendingDaysGetTheCommandThatRunsThem() {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 10, "10.0.0."));
        Cli.run(lake, "ingest");

        Cli.Result status = Cli.run(lake, "status");

        assertThat(status.out()).contains("run 'atlas run --pending'");
        assertThat(statusLine("2024-11-29")).containsPattern("\\snever\\s+-$");
        Cli.Result json = Cli.run(lake, "status", "--format", "json");
        assertThat(json.out().strip()).startsWith("[").endsWith("]");
        assertThat(json.firstErrLine()).contains("atlas run --pending");
    }

    @Test
    void aDayWithNoValidatedInputSucceedsWithAWarning() {
        assertThat(Cli.run(lake, "init").exitCode()).isZero();

        Cli.Result run = Cli.run(lake, "run", "--date", "2024-11-01");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("SUCCEEDED");
        assertThat(run.firstErrLine()).contains("warning: 2024-11-01 has no validated input (nothing was ingested for this day)");
    }

    @Test
    void aDayWithInputRunsWithoutAWarning() {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 3, "10.0.0."));
        Cli.run(lake, "ingest");

        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").err()).doesNotContain("warning");
    }

    @Test
    void tablesComeAsCsvTooAndOtherFormatsAreRefused() {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 3, "10.0.0."));
        Cli.run(lake, "ingest");
        Cli.run(lake, "run", "--date", "2024-11-29");

        assertThat(Cli.run(lake, "status", "--format", "csv").outLines().get(0))
                .isEqualTo("date,last_success,files_since,pending,total_requests,error_count,rejected_records,last_run,gates");
        assertThat(Cli.run(lake, "status", "--format", "csv").outLines()).hasSize(2);
        assertThat(Cli.run(lake, "runs", "--format", "csv").outLines().get(0))
                .isEqualTo("run_id,kind,date,state,started,time,failed_step,gates,change");
        for (String command : new String[] {"status", "runs", "query", "tables"}) {
            Cli.Result xml = command.equals("query") ? Cli.run(lake, command, "--format", "xml", "SELECT 1")
                    : Cli.run(lake, command, "--format", "xml");
            assertThat(xml.exitCode()).as(command).isEqualTo(2);
            assertThat(xml.firstErrLine()).as(command).contains("xml").contains("table, csv, json");
        }
    }

    @Test
    void aNegativeLimitIsAUsageError() {
        assertThat(Cli.run(lake, "init").exitCode()).isZero();

        Cli.Result runs = Cli.run(lake, "runs", "--limit", "-1");

        assertThat(runs.exitCode()).isEqualTo(2);
        assertThat(runs.firstErrLine()).contains("--limit must be at least 1, got -1");
        assertThat(Cli.run(lake, "status", "--days", "0").firstErrLine()).contains("--days must be at least 1, got 0");
    }
}
