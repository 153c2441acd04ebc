package io.atlas.app.bench;

import io.atlas.app.Atlas;
import io.atlas.app.AtlasSettings;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.ingest.FileScanResult;
import io.atlas.domain.ingest.FileScanner;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.run.RunContext;
import io.atlas.domain.run.RunId;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.engine.Engine;
import io.atlas.ports.storage.LocalFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code atlas bench}: one generated day, timed step by step in one process — ingestion routing, normalize and
 * aggregate on the local engine, the same normalize and aggregate by DuckDB as the baseline, and optionally on Spark.
 * Normalize and aggregate are compared on the day's NDJSON (the input both engines read alike).
 */
public final class Benchmark {
    /** What to run. */
    public record Settings(long records, long seed, Path workDirectory, int threads, boolean spark, String sparkMaster) {}

    private final Settings settings;
    private final Consumer<String> progress;

    public Benchmark(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public BenchReport run() throws IOException, SQLException {
        List<Measurement> results = new ArrayList<>();
        progress.accept("generating " + settings.records() + " NDJSON records (+ gzip'd JSON and XML in the origin's proportions)...");
        BenchDay.Files3 day = BenchDay.write(settings.workDirectory().resolve("input"), settings.records(), settings.seed());
        long dayBytes = Files.size(day.ndjson()) + Files.size(day.jsonGzip()) + Files.size(day.xml());
        long dayRecords = day.ndjsonRecords() + day.jsonRecords() + day.xmlRecords();

        // The whole day through the local pipeline.
        try (Atlas atlas = atlas("lake-day", AtlasSettings.EngineKind.LOCAL)) {
            Path lake = atlas.settings().localDirectory().orElseThrow();
            copy(day.ndjson(), lake.resolve("raw/ndjson").resolve(day.ndjson().getFileName()));
            copy(day.jsonGzip(), lake.resolve("raw/json_gzip").resolve(day.jsonGzip().getFileName()));
            copy(day.xml(), lake.resolve("raw/xml_errors").resolve(day.xml().getFileName()));
            results.add(time("ingest (whole day)", "atlas", dayRecords, dayBytes, atlas::ingest));
            Engine engine = atlas.component(Engine.class);
            results.add(time("normalize (whole day)", "atlas", dayRecords, dayBytes, () -> engine.normalize(run("n"), BenchDay.DAY)));
            results.add(time("aggregate (whole day)", "atlas", dayRecords, 0, () -> engine.aggregate(run("a"), BenchDay.DAY)));
        }

        // The NDJSON alone, the same input for every engine.
        long ndjsonBytes = Files.size(day.ndjson());
        long ndjsonRecords = day.ndjsonRecords();
        results.add(time("routing scan (1 thread)", "atlas", ndjsonRecords, ndjsonBytes, () -> scan(day.ndjson())));
        List<Path> processed;
        try (Atlas atlas = atlas("lake-ndjson", AtlasSettings.EngineKind.LOCAL)) {
            validated(atlas, day.ndjson());
            Engine engine = atlas.component(Engine.class);
            results.add(time("normalize", "atlas", ndjsonRecords, ndjsonBytes, () -> engine.normalize(run("n"), BenchDay.DAY)));
            results.add(time("aggregate", "atlas", ndjsonRecords, 0, () -> engine.aggregate(run("a"), BenchDay.DAY)));
            processed = processedFiles(atlas);
        }
        DuckDbBaseline duckdb = new DuckDbBaseline(settings.threads());
        Path duckOutput = settings.workDirectory().resolve("duckdb-normalized.parquet");
        results.add(time("normalize", "duckdb", ndjsonRecords, ndjsonBytes, () -> duckdb.normalize(day.ndjson(), duckOutput)));
        results.add(time("aggregate", "duckdb", ndjsonRecords, 0, () -> duckdb.aggregate(processed)));
        if (settings.spark()) {
            results.addAll(new SparkBench(settings.workDirectory(), settings.threads(), settings.sparkMaster(), progress).run(day.ndjson(), ndjsonRecords));
        }
        return new BenchReport(settings.records(), settings.threads(), Runtime.getRuntime().maxMemory(), results);
    }

    /** Ingestion's timestamp scan of one file on one thread: the days it touches, streaming. */
    private static FileScanResult scan(Path ndjson) throws IOException {
        try (InputStream in = Files.newInputStream(ndjson)) {
            return new FileScanner(ReadLimits.DEFAULTS).scan(LogFormat.NDJSON, in);
        }
    }

    private Atlas atlas(String name, AtlasSettings.EngineKind engine) {
        return Atlas.builder().lake(settings.workDirectory().resolve(name)).threads(settings.threads())
                .engine(engine, settings.sparkMaster()).build();
    }

    private static RunContext run(String id) {
        return new RunContext(RunId.of("bench-" + id), Instant.EPOCH);
    }

    private static void validated(Atlas atlas, Path ndjson) throws IOException {
        Path target = atlas.settings().localDirectory().orElseThrow().resolve(LakeLayout.validatedKey(LogFormat.NDJSON, BenchDay.DAY,
                ndjson.getFileName().toString()).value());
        copy(ndjson, target);
    }

    static List<Path> processedFiles(Atlas atlas) {
        DatasetStore datasets = atlas.component(DatasetStore.class);
        LocalFiles files = atlas.store().localFiles().orElseThrow(() -> new IllegalStateException(
                "Cannot benchmark: the bench lake must be a local directory"));
        List<Path> paths = new ArrayList<>();
        for (LogType type : LogType.values()) {
            datasets.partition(Dataset.LOGS, Dataset.logsPartition(type, BenchDay.DAY))
                    .ifPresent(info -> info.files().forEach(f -> files.localPath(f).ifPresent(paths::add)));
        }
        return paths;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private Measurement time(String step, String engine, long records, long bytes, Steps.Step work)
            throws IOException, SQLException {
        return Steps.time(progress, step, engine, records, bytes, work);
    }
}
