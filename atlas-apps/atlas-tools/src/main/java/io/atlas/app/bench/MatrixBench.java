package io.atlas.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code atlas bench --matrix}: every {@link Workload} in this JVM at its heap, then again in a child JVM under
 * {@code -Xmx512m}, in one JSON report with each cell's ratios: Atlas over DuckDB per job, the small heap over the
 * default one, and {@code xml-heavy}'s normalize rate over {@code low-cardinality}'s NDJSON rate.
 */
public final class MatrixBench {
    /** The small heap every workload runs again under. */
    public static final String SMALL_HEAP = "512m";

    /**
     * What to run: {@code scale} of each workload's default size, or {@code records} for every one when positive;
     * {@code warmup} says whether each cell (in this JVM and in the child) first runs untimed on
     * {@link WorkloadBench#defaultWarmup} records.
     */
    public record Settings(List<Workload> workloads, double scale, long records, long seed, Path workDirectory, int threads,
            boolean smallHeap, boolean warmup) {
        public Settings(List<Workload> workloads, double scale, long records, long seed, Path workDirectory, int threads,
                boolean smallHeap) {
            this(workloads, scale, records, seed, workDirectory, threads, smallHeap, false);
        }
    }

    private final Settings settings;
    private final Consumer<String> progress;

    public MatrixBench(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public ObjectNode run() throws Exception {
        List<ObjectNode> cells = new ArrayList<>();
        for (Workload workload : settings.workloads()) {
            long records = settings.records() > 0 ? settings.records() : workload.records(settings.scale());
            long warmup = settings.warmup() ? WorkloadBench.defaultWarmup(records) : 0;
            BenchReport report = new WorkloadBench(new WorkloadBench.Settings(workload, records, settings.seed(),
                    settings.workDirectory(), settings.threads(), warmup), progress).run();
            ObjectNode cell = report.toJsonNode();
            cell.put("heap", "default");
            cells.add(cell);
            if (settings.smallHeap()) {
                ObjectNode small = inChildJvm(workload, records, warmup);
                small.put("heap", SMALL_HEAP);
                cells.add(small);
            }
        }
        return report(cells);
    }

    /** The collectors' own flags, as the launcher matches them: a flag such as -XX:+UseMaximumCompactionOnSystemGC is none. */
    private static final List<String> COLLECTORS = List.of("-XX:+UseSerialGC", "-XX:+UseParallelGC", "-XX:+UseG1GC",
            "-XX:+UseZGC", "-XX:+UseShenandoahGC", "-XX:+UseEpsilonGC");

    /**
     * The flags of this JVM that a {@code -Xmx512m} child takes too, so that it runs with the same collector and page
     * sizes as the default cell: the collector flags ({@link #COLLECTORS}, and their {@code -XX:-} forms) and
     * {@code -XX:[+-]UseTransparentHugePages}, {@code -XX:[+-]UseLargePages} and the tenuring flags
     * ({@code -XX:MaxTenuringThreshold}, {@code -XX:InitialTenuringThreshold}, {@code -XX:[+-]AlwaysTenure},
     * {@code -XX:[+-]NeverTenure}), as {@code ./atlas} sets them or a user does instead; and
     * {@code -XX:+UseParallelGC} when this JVM names no collector (the child of a JVM started without {@code ./atlas}
     * has always run the throughput collector). Other tuning flags ({@code -Xmn}, GC threads) are not passed on.
     */
    static List<String> childFlags(List<String> parentArguments) {
        List<String> flags = new ArrayList<>(parentArguments.stream()
                .filter(argument -> COLLECTORS.contains(argument.replace("-XX:-", "-XX:+"))
                        || argument.matches("-XX:[+-]Use(TransparentHuge|Large)Pages")
                        || argument.matches("-XX:(Max|Initial)TenuringThreshold=\\d+|-XX:[+-](Always|Never)Tenure"))
                .toList());
        if (flags.stream().noneMatch(COLLECTORS::contains)) {
            flags.add(0, "-XX:+UseParallelGC");
        }
        return flags;
    }

    /** The same workload in a child JVM with {@code -Xmx512m}; its own JSON report. */
    private ObjectNode inChildJvm(Workload workload, long records, long warmup) throws IOException, InterruptedException {
        progress.accept("again under -Xmx" + SMALL_HEAP + " (child JVM)...");
        Path out = settings.workDirectory().resolve(workload.cliName() + "-" + SMALL_HEAP + ".json");
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx" + SMALL_HEAP));
        command.addAll(childFlags(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                "io.atlas.app.cli.AtlasCli", "--threads", Integer.toString(settings.threads()), "bench", "--workload",
                workload.cliName(), "--records", Long.toString(records), "--seed", Long.toString(settings.seed()),
                "--warmup", Long.toString(warmup),
                "--dir", settings.workDirectory().resolve("child").toString(), "--out", out.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> progress.accept("  | " + line));
        }
        int exit = child.waitFor();
        if (exit != 0 || !Files.exists(out)) {
            ObjectNode failed = BenchReport.JSON.createObjectNode();
            failed.put("workload", workload.cliName());
            failed.put("records", records);
            failed.put("failed", "the child JVM exited with " + exit);
            return failed;
        }
        return (ObjectNode) BenchReport.JSON.readTree(Files.readString(out));
    }

    static ObjectNode report(List<ObjectNode> cells) {
        ObjectNode root = BenchReport.JSON.createObjectNode();
        root.put("java", System.getProperty("java.version"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode array = root.putArray("cells");
        for (ObjectNode cell : cells) {
            ObjectNode ratios = cell.has("ratios") ? (ObjectNode) cell.get("ratios") : cell.putObject("ratios");
            if (!"default".equals(cell.path("heap").asText())) {
                find(cells, cell.path("workload").asText(), "default").ifPresent(base -> {
                    for (String step : List.of("normalize", "aggregate")) {
                        rate(cell, step).ifPresent(small -> rate(base, step).ifPresent(big ->
                                ratios.put(step + "_small_heap_over_default", small / big)));
                    }
                });
            }
            if (Workload.XML_HEAVY.cliName().equals(cell.path("workload").asText())) {
                find(cells, Workload.LOW_CARDINALITY.cliName(), cell.path("heap").asText()).ifPresent(ndjson ->
                        rate(cell, "normalize").ifPresent(xml -> rate(ndjson, "normalize").ifPresent(json ->
                                ratios.put("normalize_xml_over_ndjson_records", xml / json))));
            }
            array.add(cell);
        }
        return root;
    }

    private static Optional<ObjectNode> find(List<ObjectNode> cells, String workload, String heap) {
        return cells.stream().filter(c -> c.path("workload").asText().equals(workload) && c.path("heap").asText().equals(heap))
                .findFirst();
    }

    /** Atlas's records/s on a step of a cell. */
    private static Optional<Double> rate(JsonNode cell, String step) {
        for (JsonNode m : cell.path("measurements")) {
            if (m.path("step").asText().equals(step) && m.path("engine").asText().equals("atlas")) {
                return Optional.of(m.path("records_per_second").asDouble());
            }
        }
        return Optional.empty();
    }

    public static String text(ObjectNode report) {
        try {
            return BenchReport.JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the report", e);
        }
    }
}
