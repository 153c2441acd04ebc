package io.atlas.app.cli;

import io.atlas.app.AtlasSettings;
import io.atlas.app.bench.BenchReport;
import io.atlas.app.bench.Benchmark;
import io.atlas.app.bench.MatrixBench;
import io.atlas.app.bench.Workload;
import io.atlas.app.bench.WorkloadBench;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Generates a deterministic day and times, in one process: ingestion routing, normalize and "
                + "aggregate on the local engine, the same normalize and aggregate by DuckDB (the baseline), and with "
                + "--engine spark on Spark. Prints records/s, MB/s, peak heap and the ratios; writes the report as JSON.",
            "With --workload NAME, one shape of day (normalize and aggregate, Atlas and DuckDB); with --matrix, every "
                + "workload, each again in a child JVM under -Xmx512m, in one JSON report. Workloads: "
                + "high-cardinality, low-cardinality, one-big-file, many-small-files, gzip-json, xml-heavy, duplicates."})
final class BenchCommand extends LakeCommand {
    @Option(names = "--records", description = "Records of the day (default: 5000000, or each workload's own size).")
    Long records;

    @Option(names = "--workload", paramLabel = "NAME", description = "Run one workload (see above) instead of the classic day.")
    String workload;

    @Option(names = "--matrix", description = "Run every workload, at the default heap and under -Xmx512m.")
    boolean matrix;

    @Option(names = "--small-heap", description = "With --workload: run it again under -Xmx512m in a child JVM.")
    boolean smallHeap;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "Fraction of each workload's default size (default: ${DEFAULT-VALUE}; --records overrides).")
    double scale;

    @Option(names = "--warmup", paramLabel = "N", description = "With --workload or --matrix: run each workload untimed "
            + "on N records first, so the timed run is not the JVM's JIT warm-up (default: half the day, 20,000 to "
            + "1,000,000 records; 0 for a cold run).")
    Long warmup;

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work directory (default: a temporary folder, deleted after).")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", description = "JSON report (default: bench-results/bench-<records>.json).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (records != null && records < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--records must be at least 1");
        }
        if (warmup != null && warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmup cannot be negative");
        }
        if (scale <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale must be positive");
        }
        PrintWriter console = spec.commandLine().getOut();
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("atlas-bench-") : dir;
        int threads = root.threads != null ? root.threads : Runtime.getRuntime().availableProcessors();
        boolean spark = root.engine != null && AtlasSettings.engine(root.engine) == AtlasSettings.EngineKind.SPARK;
        String master = root.sparkMaster != null ? root.sparkMaster : "local[" + threads + "]";
        try {
            if (matrix || workload != null) {
                return workloads(console, work, threads, spark, master);
            }
            long records = this.records != null ? this.records : 5_000_000L;
            BenchReport report = new Benchmark(new Benchmark.Settings(records, seed, work, threads, spark, master), line -> {
                console.println(line);
                console.flush();
            }).run();
            console.println();
            console.print(TextTable.render(List.of("step", "engine", "seconds", "records/s", "MB/s", "peak heap MB", "ratio"),
                    report.table()));
            Path json = out != null ? out : Path.of("bench-results", "bench-" + records + ".json");
            if (json.getParent() != null) {
                Files.createDirectories(json.getParent());
            }
            Files.writeString(json, report.toJson());
            console.println("Report: " + json.toAbsolutePath());
            return AtlasCli.OK;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } finally {
            if (temporary) {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private Integer workloads(PrintWriter console, Path work, int threads, boolean spark, String master) throws Exception {
        List<Workload> chosen = matrix ? List.of(Workload.values()) : List.of(Workload.of(workload));
        long fixed = records != null ? records : 0;
        ObjectNode report;
        if (!matrix && !smallHeap) {
            long n = fixed > 0 ? fixed : chosen.get(0).records(scale);
            long warm = warmup != null ? warmup : WorkloadBench.defaultWarmup(n);
            report = new WorkloadBench(new WorkloadBench.Settings(chosen.get(0), n, seed, work, threads, warm, spark, master), line -> {
                console.println(line);
                console.flush();
            }).run().toJsonNode();
        } else {
            report = new MatrixBench(new MatrixBench.Settings(chosen, scale, fixed, seed, work, threads, true,
                    warmup == null || warmup > 0), line -> {
                console.println(line);
                console.flush();
            }).run();
        }
        Path json = out != null ? out : Path.of("bench-results", (matrix ? "matrix" : workload) + ".json");
        if (json.getParent() != null) {
            Files.createDirectories(json.getParent());
        }
        Files.writeString(json, MatrixBench.text(report));
        console.println("Report: " + json.toAbsolutePath());
        return AtlasCli.OK;
    }
}
