package io.atlas.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The measurements of one benchmark run, with Atlas/DuckDB and Spark/Atlas throughput ratios per step. */
public record BenchReport(long records, int threads, long maxHeapBytes, List<Measurement> measurements, Shape shape) {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The workload a report measured: its name, files and bytes (none for the classic day), and the records of the
     * untimed warm-up run before it (0: a cold JVM).
     */
    public record Shape(String workload, int files, long inputBytes, long warmupRecords) {
        public Shape(String workload, int files, long inputBytes) {
            this(workload, files, inputBytes, 0);
        }
    }

    public BenchReport {
        measurements = List.copyOf(measurements);
    }

    public BenchReport(long records, int threads, long maxHeapBytes, List<Measurement> measurements) {
        this(records, threads, maxHeapBytes, measurements, new Shape("day", 3, 0));
    }

    /** This report, for {@code workload} over {@code files} files of {@code inputBytes} bytes. */
    public BenchReport describing(String workload, int files, long inputBytes) {
        return new BenchReport(records, threads, maxHeapBytes, measurements, new Shape(workload, files, inputBytes));
    }

    /** This report, measured after an untimed warm-up run over {@code warmupRecords} records. */
    public BenchReport warmedUpOn(long warmupRecords) {
        return new BenchReport(records, threads, maxHeapBytes, measurements,
                new Shape(shape.workload(), shape.files(), shape.inputBytes(), warmupRecords));
    }

    public Optional<Measurement> find(String step, String engine) {
        return measurements.stream().filter(m -> m.step().equals(step) && m.engine().equals(engine)).findFirst();
    }

    /** Throughput of {@code engine} relative to {@code baseline} on a step: above 1 means faster. */
    public Optional<Double> ratio(String step, String engine, String baseline) {
        return find(step, engine).flatMap(e -> find(step, baseline).map(b -> b.seconds() / e.seconds()));
    }

    public List<List<String>> table() {
        List<List<String>> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            String ratio = switch (m.engine()) {
                case "atlas" -> ratio(m.step(), "atlas", "duckdb").map(r -> String.format("%.2fx DuckDB", r)).orElse("");
                case SparkBench.ENGINE -> ratio(m.step(), SparkBench.ENGINE, SparkBench.BASELINE).map(r -> String.format("%.2fx Spark SQL", r))
                        .or(() -> ratio(m.step(), SparkBench.ENGINE, "atlas").map(r -> String.format("%.2fx Atlas local", r))).orElse("")
                        + ratio(m.step(), SparkBench.ENGINE, SparkBench.ONE_CORE).map(r -> String.format(", %.2fx local[1]", r)).orElse("");
                default -> "baseline";
            };
            rows.add(List.of(m.step(), m.engine(), String.format("%.2f", m.seconds()), String.format("%,.0f", m.recordsPerSecond()),
                    m.inputBytes() == 0 ? "-" : String.format("%.1f", m.megabytesPerSecond()),
                    m.peakHeapBytes() == 0 ? "-" : String.format("%d", m.peakHeapBytes() / 1_048_576), ratio));
        }
        return rows;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toJsonNode()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report", e);
        }
    }

    public ObjectNode toJsonNode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("workload", shape.workload());
        root.put("files", shape.files());
        root.put("input_bytes", shape.inputBytes());
        root.put("records", records);
        root.put("warmup_records", shape.warmupRecords());
        root.put("threads", threads);
        root.put("max_heap_mb", maxHeapBytes / 1_048_576);
        root.put("java", System.getProperty("java.version"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode steps = root.putArray("measurements");
        for (Measurement m : measurements) {
            ObjectNode node = steps.addObject();
            node.put("step", m.step());
            node.put("engine", m.engine());
            node.put("seconds", m.seconds());
            node.put("records", m.records());
            node.put("records_per_second", m.recordsPerSecond());
            node.put("input_bytes", m.inputBytes());
            node.put("mb_per_second", m.megabytesPerSecond());
            node.put("peak_heap_mb", m.peakHeapBytes() / 1_048_576);
        }
        ObjectNode ratios = root.putObject("ratios");
        ratio("normalize", "atlas", "duckdb").ifPresent(r -> ratios.put("normalize_atlas_over_duckdb", r));
        ratio("aggregate", "atlas", "duckdb").ifPresent(r -> ratios.put("aggregate_atlas_over_duckdb", r));
        ratio("normalize", "spark", "atlas").ifPresent(r -> ratios.put("normalize_spark_over_atlas", r));
        ratio("aggregate", "spark", "atlas").ifPresent(r -> ratios.put("aggregate_spark_over_atlas", r));
        for (Measurement m : measurements) {
            if (m.engine().equals(SparkBench.ENGINE)) {
                String step = m.step().replaceAll("[^a-z0-9]+", "_").replaceAll("_$", "");
                ratio(m.step(), SparkBench.ENGINE, SparkBench.BASELINE).ifPresent(r -> ratios.put(step + "_spark_over_spark_sql", r));
                ratio(m.step(), SparkBench.ENGINE, SparkBench.ONE_CORE).ifPresent(r -> ratios.put(step + "_spark_over_spark_1core", r));
            }
        }
        return root;
    }
}
