package io.atlas.app.cli;

import io.atlas.app.AtlasSettings;
import io.atlas.app.bench.BenchReport;
import io.atlas.app.bench.Benchmark;
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
                + "--engine spark on Spark. Prints records/s, MB/s, peak heap and the ratios; writes the report as JSON."})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    AtlasCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--records", defaultValue = "5000000", description = "NDJSON records of the day (default: ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", description = "Work directory (default: a temporary folder, deleted after).")
    Path dir;

    @Option(names = "--out", paramLabel = "FILE", description = "JSON report (default: bench-results/bench-<records>.json).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (records < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--records must be at least 1");
        }
        PrintWriter console = spec.commandLine().getOut();
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("atlas-bench-") : dir;
        int threads = root.threads != null ? root.threads : Runtime.getRuntime().availableProcessors();
        boolean spark = root.engine != null && AtlasSettings.engine(root.engine) == AtlasSettings.EngineKind.SPARK;
        String master = root.sparkMaster != null ? root.sparkMaster : "local[" + threads + "]";
        try {
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
        } finally {
            if (temporary) {
                try (Stream<Path> paths = Files.walk(work)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
