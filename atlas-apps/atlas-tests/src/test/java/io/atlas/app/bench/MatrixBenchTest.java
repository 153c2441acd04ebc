package io.atlas.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix runs each workload on both engines and relates the cells (not a performance test: nothing is timed). */
class MatrixBenchTest {
    @TempDir
    Path work;

    @Test
    void aWorkloadCellHasBothEnginesOnBothJobsAndItsShape() throws Exception {
        List<String> progress = new ArrayList<>();
        BenchReport report = new WorkloadBench(new WorkloadBench.Settings(Workload.DUPLICATES, 2_000, 1, work, 2),
                progress::add).run();

        assertThat(report.measurements()).extracting(m -> m.step() + "/" + m.engine()).containsExactly(
                "normalize/atlas", "aggregate/atlas", "normalize/duckdb", "aggregate/duckdb");
        assertThat(report.shape()).isEqualTo(new BenchReport.Shape("duplicates", 8, report.shape().inputBytes()));
        assertThat(report.toJsonNode().path("ratios").has("aggregate_atlas_over_duckdb")).isTrue();
        assertThat(Files.list(work).count()).as("generated data deleted").isZero();
    }

    @Test
    void aWarmUpRunsTheWorkloadUntimedFirstAndIsRecordedInTheCell() throws Exception {
        List<String> progress = new ArrayList<>();
        BenchReport report = new WorkloadBench(new WorkloadBench.Settings(Workload.LOW_CARDINALITY, 1_000, 1, work, 2, 300),
                progress::add).run();

        assertThat(progress.get(0)).isEqualTo("warming up on 300 records, 3 rounds (untimed)...");
        assertThat(report.measurements()).hasSize(4).allSatisfy(m -> assertThat(m.records()).isEqualTo(1_000));
        assertThat(report.toJsonNode().path("warmup_records").asLong()).isEqualTo(300);
        assertThat(Files.list(work).count()).as("warm-up data deleted too").isZero();
    }

    @Test
    void theDefaultWarmUpIsHalfTheDayWithinBounds() {
        assertThat(WorkloadBench.defaultWarmup(500)).isEqualTo(500);
        assertThat(WorkloadBench.defaultWarmup(30_000)).isEqualTo(20_000);
        assertThat(WorkloadBench.defaultWarmup(100_000)).isEqualTo(50_000);
        assertThat(WorkloadBench.defaultWarmup(1_000_000)).isEqualTo(500_000);
        assertThat(WorkloadBench.defaultWarmup(11_000_000)).isEqualTo(1_000_000);
    }

    @Test
    void gzipJsonRunsOnDuckDbToo() throws Exception {
        BenchReport report = new WorkloadBench(new WorkloadBench.Settings(Workload.GZIP_JSON, 400, 1, work, 2),
                line -> {}).run();

        assertThat(report.find("normalize", "duckdb")).isPresent();
        assertThat(report.find("normalize", "atlas").orElseThrow().records()).isEqualTo(400);
    }

    @Test
    void xmlHeavyHasNoDuckDbPeerAndIsRelatedToTheNdjsonRate() throws Exception {
        ObjectNode matrix = new MatrixBench(new MatrixBench.Settings(List.of(Workload.LOW_CARDINALITY, Workload.XML_HEAVY),
                1, 300, 1, work, 2, false), line -> {}).run();

        JsonNode xml = matrix.path("cells").get(1);
        assertThat(xml.path("workload").asText()).isEqualTo("xml-heavy");
        List<String> engines = new ArrayList<>();
        xml.path("measurements").forEach(m -> engines.add(m.path("engine").asText()));
        assertThat(engines).containsOnly("atlas");
        assertThat(xml.path("ratios").path("normalize_xml_over_ndjson_records").asDouble()).isPositive();
    }

    @Test
    void aSmallHeapChildRunsWithItsParentsCollectorPageAndTenuringFlagsOnly() {
        assertThat(MatrixBench.childFlags(List.of("-XX:+UseParallelGC", "-XX:+UseTransparentHugePages", "-Xmx4g",
                "-XX:+UseCompressedOops", "-XX:SharedArchiveFile=a.jsa", "-Dx=-XX:+UseG1GC")))
                .containsExactly("-XX:+UseParallelGC", "-XX:+UseTransparentHugePages");
        assertThat(MatrixBench.childFlags(List.of("-XX:+UseG1GC", "-XX:-UseLargePages")))
                .containsExactly("-XX:+UseG1GC", "-XX:-UseLargePages");
        assertThat(MatrixBench.childFlags(List.of("-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0", "-XX:MaxNewSize=256m")))
                .containsExactly("-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0");
        assertThat(MatrixBench.childFlags(List.of("-XX:+UseParallelGC", "-XX:+AlwaysTenure", "-XX:-NeverTenure",
                "-XX:InitialTenuringThreshold=3", "-XX:TargetSurvivorRatio=90")))
                .containsExactly("-XX:+UseParallelGC", "-XX:+AlwaysTenure", "-XX:-NeverTenure", "-XX:InitialTenuringThreshold=3");
        assertThat(MatrixBench.childFlags(List.of("-Xss4m"))).containsExactly("-XX:+UseParallelGC");
        // not collectors, nor page flags: the child still gets the throughput collector
        assertThat(MatrixBench.childFlags(List.of("-XX:+UseMaximumCompactionOnSystemGC", "-XX:+UseHugeTLBFSPages",
                "-XX:-UseG1GC"))).containsExactly("-XX:+UseParallelGC", "-XX:-UseG1GC");
    }

    @Test
    void aSmallHeapCellIsRelatedToItsDefaultHeapCell() {
        ObjectNode big = cell("high-cardinality", "default", 100_000);
        ObjectNode small = cell("high-cardinality", "512m", 80_000);

        JsonNode cells = MatrixBench.report(List.of(big, small)).path("cells");

        assertThat(cells.get(1).path("ratios").path("normalize_small_heap_over_default").asDouble()).isEqualTo(0.8);
        assertThat(cells.get(0).path("ratios").has("normalize_small_heap_over_default")).isFalse();
    }

    private static ObjectNode cell(String workload, String heap, double normalizeRate) {
        ObjectNode cell = BenchReport.JSON.createObjectNode();
        cell.put("workload", workload);
        cell.put("heap", heap);
        ObjectNode m = cell.putArray("measurements").addObject();
        m.put("step", "normalize");
        m.put("engine", "atlas");
        m.put("records_per_second", normalizeRate);
        return cell;
    }
}
