package io.atlas.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs every step on a small day and reports each one (not a performance test: nothing is timed here). */
class BenchmarkTest {
    @TempDir
    Path work;

    @Test
    void reportsEveryStepWithItsBaselineRatio() throws Exception {
        List<String> progress = new ArrayList<>();
        BenchReport report = new Benchmark(new Benchmark.Settings(2_000, 1, work, 2, false, "local[2]"), progress::add).run();

        assertThat(report.measurements()).extracting(m -> m.step() + "/" + m.engine()).containsExactly(
                "ingest (whole day)/atlas", "normalize (whole day)/atlas", "aggregate (whole day)/atlas",
                "routing scan (1 thread)/atlas", "normalize/atlas", "aggregate/atlas", "normalize/duckdb", "aggregate/duckdb");
        assertThat(report.find("normalize (whole day)", "atlas").orElseThrow().records()).isEqualTo(2_000 + 1_000 + 400);
        assertThat(report.find("routing scan (1 thread)", "atlas").orElseThrow().inputBytes()).isPositive();
        assertThat(report.ratio("normalize", "atlas", "duckdb")).isPresent();
        assertThat(report.ratio("aggregate", "atlas", "duckdb")).isPresent();
        assertThat(report.toJson()).contains("\"step\" : \"routing scan (1 thread)\"");
        assertThat(progress).isNotEmpty();
    }
}
