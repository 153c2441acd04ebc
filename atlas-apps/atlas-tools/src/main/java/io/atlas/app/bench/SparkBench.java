package io.atlas.app.bench;

import io.atlas.app.Atlas;
import io.atlas.app.AtlasSettings;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.run.RunContext;
import io.atlas.domain.run.RunId;
import io.atlas.ports.engine.Engine;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Spark part of {@code atlas --engine spark bench}, in its own class so Spark's classes load only when asked: on
 * two shapes of the same NDJSON (one file; the same lines cut into {@link #MANY} files), the Spark engine and the
 * hand-written Spark SQL job ({@link SparkSqlBaseline}) in the same session, normalize and aggregate each; then the
 * Spark engine again on {@code local[1]}, for its scaling from one core to the master's.
 */
final class SparkBench {
    static final int MANY = 64;
    static final String ENGINE = "spark";
    static final String BASELINE = "spark-sql";
    static final String ONE_CORE = "spark-1core";

    private final Path work;
    private final int threads;
    private final String master;
    private final Consumer<String> progress;

    SparkBench(Path work, int threads, String master, Consumer<String> progress) {
        this.work = work;
        this.threads = threads;
        this.master = master;
        this.progress = progress;
    }

    /**
     * The classic day's NDJSON as one file and as {@link #MANY}, then on {@code local[1]}; first, untimed, both jobs
     * on a tenth of the lines, so no timed cell is the JVM's first run of the parser, Spark's JSON reader or the
     * Parquet writers (the {@code local[1]} cell, last, would otherwise be the only warm one).
     */
    List<Measurement> run(Path ndjson, long records) throws IOException, SQLException {
        List<Measurement> results = new ArrayList<>();
        long warmRecords = Math.max(1, Math.min(200_000, records / 10));
        Path warm = work.resolve("warm-up");
        Files.createDirectories(warm);
        Path warmFile = warm.resolve("warm.ndjson");
        try (java.util.stream.Stream<String> lines = Files.lines(ndjson, StandardCharsets.UTF_8)) {
            Files.write(warmFile, (Iterable<String>) lines.limit(warmRecords)::iterator, StandardCharsets.UTF_8);
        }
        progress.accept("warm-up: both Spark jobs on " + warmRecords + " records, untimed...");
        shape(" (warm-up)", List.of(warmFile), LogFormat.NDJSON, warmRecords, master, true);
        List<Path> many = cut(ndjson, work.resolve("ndjson-" + MANY), MANY);
        results.addAll(shape("", List.of(ndjson), LogFormat.NDJSON, records, master, true));
        results.addAll(shape(" (" + MANY + " files)", many, LogFormat.NDJSON, records, master, true));
        results.addAll(shape("", List.of(ndjson), LogFormat.NDJSON, records, "local[1]", false));
        return results;
    }

    /**
     * One shape of day: the Spark engine on {@code master} (labelled {@link #ENGINE}, or {@link #ONE_CORE} without
     * the baseline) and, with {@code baseline} and NDJSON input, the hand-written job before it in the same session.
     */
    List<Measurement> shape(String suffix, List<Path> files, LogFormat format, long records, String master, boolean baseline)
            throws IOException, SQLException {
        List<Measurement> results = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        String name = "lake-spark" + (baseline ? "" : "-1core") + suffix.replaceAll("[^0-9a-z]", "");
        try (Atlas atlas = Atlas.builder().lake(work.resolve(name)).threads(threads)
                .engine(AtlasSettings.EngineKind.SPARK, master).build()) {
            Path lake = atlas.settings().localDirectory().orElseThrow();
            for (Path file : files) {
                Path target = lake.resolve(LakeLayout.validatedKey(format, BenchDay.DAY, file.getFileName().toString()).value());
                Files.createDirectories(target.getParent());
                Files.createLink(target, file);
            }
            Engine engine = atlas.component(Engine.class);
            progress.accept("starting Spark (" + master + ")...");
            engine.aggregate(run("warm"), BenchDay.DAY.minusDays(1)); // session start is not part of the measure
            String label = baseline ? ENGINE : ONE_CORE;
            SparkSqlBaseline sql = SparkSqlBaseline.active();
            baseline &= format == LogFormat.NDJSON;
            if (baseline) {
                Path output = work.resolve("spark-sql" + suffix.replaceAll("[^0-9a-z]", ""));
                results.add(time("normalize" + suffix, BASELINE, records, bytes, () -> {
                    sql.normalize(files, output);
                    return output;
                }));
            }
            results.add(time("normalize" + suffix, label, records, bytes, () -> engine.normalize(run("n"), BenchDay.DAY)));
            List<Path> processed = Benchmark.processedFiles(atlas);
            if (baseline) {
                results.add(time("aggregate" + suffix, BASELINE, records, 0, () -> sql.aggregate(processed)));
            }
            results.add(time("aggregate" + suffix, label, records, 0, () -> engine.aggregate(run("a"), BenchDay.DAY)));
        }
        return results;
    }

    /** The lines of {@code ndjson} dealt into {@code parts} files in turn (same records, many small files). */
    private static List<Path> cut(Path ndjson, Path directory, int parts) throws IOException {
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        List<BufferedWriter> writers = new ArrayList<>();
        try {
            for (int i = 0; i < parts; i++) {
                Path file = directory.resolve(String.format("part-%03d.ndjson", i));
                files.add(file);
                writers.add(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
            }
            try (BufferedReader reader = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
                String line;
                long n = 0;
                while ((line = reader.readLine()) != null) {
                    BufferedWriter writer = writers.get((int) (n++ % parts));
                    writer.write(line);
                    writer.write('\n');
                }
            }
        } finally {
            for (BufferedWriter writer : writers) {
                writer.close();
            }
        }
        return files;
    }

    private static RunContext run(String id) {
        return new RunContext(RunId.of("bench-" + id), Instant.EPOCH);
    }

    private Measurement time(String step, String engine, long records, long bytes, Steps.Step work)
            throws IOException, SQLException {
        return Steps.time(progress, step, engine, records, bytes, work);
    }
}
