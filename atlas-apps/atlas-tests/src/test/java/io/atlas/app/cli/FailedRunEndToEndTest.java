package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stops at its first failed step, records it, exits 1, and leaves the day's previous output in place. */
class FailedRunEndToEndTest {
    @TempDir
    Path lake;

    @Test
    void aFailedNormalizeIsRecordedAndPublishesNothing() throws IOException {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 10, "10.0.0."));
        Cli.run(lake, "ingest");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
        // A file placed in validated/ by hand that is not its format: normalize must fail loudly.
        Lakes.drop(lake, "validated/json_gzip/year=2024/month=11/day=29/hand-placed.json.gz", "not gzip at all");

        Cli.Result run = Cli.run(lake, "run", "--date", "2024-11-29");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAILED").contains("Failure recorded in rejected/system/glue/normalize/2024-11-29/");
        Path failures = lake.resolve("rejected/system/glue/normalize/2024-11-29");
        List<Path> files;
        try (Stream<Path> list = Files.list(failures)) {
            files = list.toList();
        }
        assertThat(files).hasSize(1);
        JsonNode failure = new ObjectMapper().readTree(files.get(0).toFile());
        assertThat(failure.get("job").asText()).isEqualTo("normalize");
        assertThat(failure.get("process_date").asText()).isEqualTo("2024-11-29");
        assertThat(failure.get("error").asText()).contains("hand-placed.json.gz").contains("FORMAT_MISMATCH");
        assertThat(failure.get("steps").toString()).contains("\"crawl_logs\"").contains("SKIPPED");

        Cli.Result runs = Cli.run(lake, "runs", "--format", "json");
        assertThat(runs.out()).contains("\"state\" : \"FAILED\"");
        Cli.Result total = Cli.run(lake, "query", "--format", "csv",
                "SELECT total_requests FROM log_analytics_db.daily_activity");
        assertThat(total.outLines()).containsExactly("total_requests", "10");
        assertThat(Cli.run(lake, "query", "--format", "csv", "SELECT COUNT(*) AS n FROM log_analytics_db.logs").outLines())
                .containsExactly("n", "10");
    }
}
