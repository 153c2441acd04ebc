package io.atlas.app.bench;

import io.atlas.app.Atlas;
import io.atlas.app.AtlasSettings;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.run.RunContext;
import io.atlas.domain.run.RunId;
import io.atlas.ports.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One cell of the workload matrix in this JVM: the workload's day generated, then normalize and aggregate timed on
 * the local engine and, for the JSON formats, the same two jobs by DuckDB over the same files. The generated day and
 * the lakes are deleted afterwards. With {@code spark}, the Spark engine and the hand-written Spark SQL job too.
 */
public final class WorkloadBench {
    /**
     * What to run; {@code warmupRecords} above zero runs the same workload at that size first, untimed, on both
     * engines, so the timed run measures compiled code rather than the JVM's JIT warm-up (a cold run is
     * {@code warmupRecords} 0). With {@code spark}, the Spark engine and the hand-written Spark SQL job too.
     */
    public record Settings(Workload workload, long records, long seed, Path workDirectory, int threads, long warmupRecords,
            boolean spark, String sparkMaster) {
        public Settings(Workload workload, long records, long seed, Path workDirectory, int threads, long warmupRecords) {
            this(workload, records, seed, workDirectory, threads, warmupRecords, false, "local[" + threads + "]");
        }

        public Settings(Workload workload, long records, long seed, Path workDirectory, int threads) {
            this(workload, records, seed, workDirectory, threads, 0);
        }
    }

    /**
     * The default warm-up: half the day, at least 20,000 and at most 1,000,000 records, never more than the day. A
     * tenth (at most 200,000) left the aggregate partly uncompiled in a fresh JVM: the 1M-record xml-heavy aggregate
     * took 0.44 s after it, 0.21 s after 500,000 records and 0.18 s after 1,000,000, and 0.19 s in the matrix's own
     * JVM, which had run five workloads before it; so each small-heap child was measured colder than its default cell.
     */
    public static long defaultWarmup(long records) {
        return Math.min(records, Math.max(20_000, Math.min(1_000_000, records / 2)));
    }

    /**
     * Times the warm-up runs Atlas's two jobs on its day: one run left C2 still deoptimizing and recompiling the hot
     * loops on the next (a 1M-row aggregate took 0.6-0.9 s on its second run in one JVM and 0.3-0.4 s from its third
     * on), so the timed cell measured the JIT's second round rather than compiled code.
     */
    static final int WARMUP_ROUNDS = 3;

    private final Settings settings;
    private final Consumer<String> progress;
    private final int rounds;
    /** The aggregate budget of this run's Atlas ({@code atlas.aggregate.memory-bytes}). */
    private final long aggregateMemoryBytes;

    public WorkloadBench(Settings settings, Consumer<String> progress) {
        this(settings, progress, 1);
    }

    private WorkloadBench(Settings settings, Consumer<String> progress, int rounds) {
        this(settings, progress, rounds, AtlasSettings.defaultAggregateMemoryBytes());
    }

    private WorkloadBench(Settings settings, Consumer<String> progress, int rounds, long aggregateMemoryBytes) {
        this.settings = settings;
        this.progress = progress;
        this.rounds = rounds;
        this.aggregateMemoryBytes = aggregateMemoryBytes;
    }

    /**
     * The warm-up's aggregate budget: the timed day's, scaled down with the records, so the warm-up takes as many
     * passes (and counts its addresses as often apart) as the timed day does. A warm-up of one pass left the
     * spilled passes' code to be compiled in the timed run: under {@code -Xmx512m}, C2 took most of a core
     * through a 2M-record aggregate.
     */
    static long warmupAggregateMemoryBytes(long budget, long records, long warmupRecords) {
        double share = records == 0 ? 1 : Math.min(1.0, warmupRecords / (double) records);
        return Math.max(AtlasSettings.MIN_AGGREGATE_MEMORY_BYTES, (long) (budget * share));
    }

    public BenchReport run() throws Exception {
        if (settings.warmupRecords() > 0) {
            progress.accept("warming up on " + settings.warmupRecords() + " records, " + WARMUP_ROUNDS + " rounds (untimed)...");
            Path warmup = settings.workDirectory().resolve("warmup");
            new WorkloadBench(new Settings(settings.workload(), settings.warmupRecords(), settings.seed() + 1, warmup,
                    settings.threads(), 0), line -> {}, WARMUP_ROUNDS, warmupAggregateMemoryBytes(aggregateMemoryBytes,
                    settings.records(), settings.warmupRecords())).run();
            delete(warmup);
        }
        Workload workload = settings.workload();
        Path work = settings.workDirectory().resolve(workload.cliName());
        try {
            progress.accept("generating " + workload.cliName() + ": " + settings.records() + " records...");
            WorkloadDay.Written day = WorkloadDay.write(workload, work.resolve("input"), settings.records(), settings.seed());
            progress.accept(String.format("  %d files, %.1f MB", day.files().size(), day.bytes() / 1_048_576.0));
            List<Measurement> results = new ArrayList<>();
            List<Path> processed;
            Properties budget = new Properties();
            budget.setProperty("atlas.aggregate.memory-bytes", Long.toString(aggregateMemoryBytes));
            try (Atlas atlas = Atlas.builder().lake(work.resolve("lake")).threads(settings.threads()).properties(budget).build()) {
                Path lake = atlas.settings().localDirectory().orElseThrow();
                for (Path file : day.files()) {
                    Path target = lake.resolve(LakeLayout.validatedKey(day.format(), BenchDay.DAY, file.getFileName().toString()).value());
                    Files.createDirectories(target.getParent());
                    Files.createLink(target, file);
                }
                Engine engine = atlas.component(Engine.class);
                for (int round = 0; round < rounds; round++) { // the last round's times are the report's
                    results.clear();
                    results.add(Steps.time(progress, "normalize", "atlas", day.records(), day.bytes(),
                            () -> engine.normalize(run("n"), BenchDay.DAY)));
                    results.add(Steps.time(progress, "aggregate", "atlas", day.records(), 0,
                            () -> engine.aggregate(run("a"), BenchDay.DAY)));
                }
                processed = Benchmark.processedFiles(atlas);
            }
            if (day.format() != LogFormat.XML_ERRORS) {
                DuckDbBaseline duckdb = new DuckDbBaseline(settings.threads());
                Path output = work.resolve("duckdb-normalized.parquet");
                results.add(Steps.time(progress, "normalize", "duckdb", day.records(), day.bytes(),
                        () -> duckdb.normalize(day.files(), day.format(), output)));
                results.add(Steps.time(progress, "aggregate", "duckdb", day.records(), 0, () -> duckdb.aggregate(processed)));
            }
            if (settings.spark()) {
                results.addAll(new SparkBench(work, settings.threads(), settings.sparkMaster(), progress)
                        .shape("", day.files(), day.format(), day.records(), settings.sparkMaster(), true));
            }
            return new BenchReport(day.records(), settings.threads(), Runtime.getRuntime().maxMemory(), results)
                    .describing(workload.cliName(), day.files().size(), day.bytes()).warmedUpOn(settings.warmupRecords());
        } finally {
            delete(work);
        }
    }

    private static RunContext run(String id) {
        return new RunContext(RunId.of("bench-" + id), Instant.EPOCH);
    }

    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
