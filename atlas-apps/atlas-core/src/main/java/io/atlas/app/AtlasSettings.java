package io.atlas.app;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.quality.GateAction;
import io.atlas.domain.quality.GateSettings;
import io.atlas.domain.record.AppNameDefaults;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * How an {@link Atlas} is configured. Keys (dashed and dotted) for properties files and {@code -D}:
 * {@code atlas.threads}, {@code atlas.max-record-bytes}, {@code atlas.max-decompressed-bytes},
 * {@code atlas.default-app-name.ndjson}, {@code atlas.default-app-name.json-gzip},
 * {@code atlas.schedule.lookback-days}, {@code atlas.engine} ({@code local} or {@code spark}), {@code atlas.spark.master},
 * {@code atlas.spark.target-split-bytes} and {@code atlas.spark.target-file-bytes} (the Spark engine's task and file sizes),
 * {@code atlas.aggregate.memory-bytes} (the heap the local engine's aggregate holds its distinct ids and addresses in
 * before it works in passes; default a quarter of the heap),
 * {@code atlas.s3.endpoint}, {@code atlas.s3.path-style-access}, {@code atlas.s3.region}, the query engine's
 * {@code atlas.query.engine} ({@code duckdb} or {@code athena}), {@code atlas.athena.workgroup},
 * {@code atlas.athena.output-location}, {@code atlas.athena.endpoint}, and the quality gates'
 * {@code atlas.gates.*} ({@link #GATE_KEYS}; docs/operations.md). The lake is a directory or an
 * {@code s3://bucket/prefix} URI.
 */
public record AtlasSettings(String lake, int threads, NormalizationSettings normalization, int lookbackDays, EngineKind engine,
        String sparkMaster, S3Settings s3, GateSettings gates, QuerySettings query, long sparkTargetSplitBytes,
        long sparkTargetFileBytes, long aggregateMemoryBytes) {
    /** Every {@code atlas.gates.*} key; any other key under {@code atlas.gates.} is refused as a likely typo. */
    public static final java.util.List<String> GATE_KEYS = java.util.List.of("atlas.gates.volume.min-fraction",
            "atlas.gates.volume.trailing-days", "atlas.gates.volume.action", "atlas.gates.reject-rate.max-share",
            "atlas.gates.reject-rate.action", "atlas.gates.zero-access.action", "atlas.gates.zero-errors.action",
            "atlas.gates.freshness.hours", "atlas.gates.freshness.action");
    public static final int DEFAULT_LOOKBACK_DAYS = 30;
    public static final String DEFAULT_SPARK_MASTER = "local[*]";

    /** Which engine runs normalize and aggregate. */
    public enum EngineKind { LOCAL, SPARK }

    /** Which engine answers {@code atlas query}: the embedded DuckDB over the lake's catalog, or Athena over Glue's. */
    public enum QueryEngineKind { DUCKDB, ATHENA }

    /**
     * How queries run: {@code atlas.query.engine}, and for Athena the workgroup ({@code atlas.athena.workgroup}, the
     * stack's {@code <stack>-atlas}; default {@code primary}), an output location when the workgroup does not enforce
     * its own ({@code atlas.athena.output-location}) and an endpoint for emulators or VPC endpoints
     * ({@code atlas.athena.endpoint}). The region is {@code atlas.s3.region}'s.
     */
    public record QuerySettings(QueryEngineKind engine, String workGroup, java.util.Optional<String> outputLocation,
            java.util.Optional<String> endpoint) {
        public static final String DATABASE = "log_analytics_db";
        public static final QuerySettings DEFAULTS = new QuerySettings(QueryEngineKind.DUCKDB, "primary",
                java.util.Optional.empty(), java.util.Optional.empty());

        public QuerySettings {
            requireNonNull(engine, "engine is null");
            requireNonNull(workGroup, "workGroup is null");
            requireNonNull(outputLocation, "outputLocation is null");
            requireNonNull(endpoint, "endpoint is null");
        }
    }

    public AtlasSettings {
        requireNonNull(lake, "lake is null");
        requireNonNull(normalization, "normalization is null");
        if (threads < 1) {
            throw new IllegalArgumentException("atlas.threads must be at least 1, got " + threads);
        }
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("atlas.schedule.lookback-days must be at least 1, got " + lookbackDays);
        }
        requireNonNull(engine, "engine is null");
        requireNonNull(sparkMaster, "sparkMaster is null");
        requireNonNull(s3, "s3 is null");
        requireNonNull(gates, "gates is null");
        requireNonNull(query, "query is null");
        if (query.engine() == QueryEngineKind.ATHENA && !(lake.startsWith("s3://") || lake.startsWith("s3a://"))) {
            throw new IllegalArgumentException("atlas.query.engine=athena queries the Glue Data Catalog of a lake in S3; "
                    + lake + " is not an s3:// lake (use atlas.query.engine=duckdb)");
        }
        if (sparkTargetSplitBytes < 1 || sparkTargetFileBytes < 1) {
            throw new IllegalArgumentException("atlas.spark.target-split-bytes and atlas.spark.target-file-bytes must be positive, got "
                    + sparkTargetSplitBytes + " and " + sparkTargetFileBytes);
        }
        if (aggregateMemoryBytes < MIN_AGGREGATE_MEMORY_BYTES) {
            throw new IllegalArgumentException("atlas.aggregate.memory-bytes must be at least " + MIN_AGGREGATE_MEMORY_BYTES
                    + ", got " + aggregateMemoryBytes);
        }
        if (aggregateMemoryBytes > Runtime.getRuntime().maxMemory()) {
            throw new IllegalArgumentException("atlas.aggregate.memory-bytes " + aggregateMemoryBytes + " is more than this JVM's "
                    + "heap (" + Runtime.getRuntime().maxMemory() + " bytes): lower it or raise -Xmx");
        }
    }

    /**
     * The least {@code atlas.aggregate.memory-bytes}: 8 MiB. The ids get half, and a pass's id set takes at least
     * 2 MiB (64 stripes of 1,024 slots) however many passes there are.
     */
    public static final long MIN_AGGREGATE_MEMORY_BYTES = 8L << 20;

    /** The default aggregate budget: a quarter of this JVM's heap (the rest is for the scan, the spill's buffers, GC room). */
    public static long defaultAggregateMemoryBytes() {
        long heap = Runtime.getRuntime().maxMemory();
        return Math.min(heap, Math.max(MIN_AGGREGATE_MEMORY_BYTES, heap / 4));
    }

    /** How to reach S3 for an {@code s3://} lake: {@code atlas.s3.endpoint}, {@code atlas.s3.path-style-access}, {@code atlas.s3.region}. */
    public record S3Settings(java.util.Optional<String> endpoint, boolean pathStyleAccess, java.util.Optional<String> region,
            java.util.Optional<String> snsTopicArn) {
        public static final S3Settings DEFAULTS = new S3Settings(java.util.Optional.empty(), false, java.util.Optional.empty(),
                java.util.Optional.empty());
    }

    /** The SNS topic run summaries go to ({@code atlas.notify.sns-topic-arn}); none: a log line. */
    public java.util.Optional<String> snsTopicArn() {
        return s3.snsTopicArn();
    }

    /** Whether the lake is in S3 ({@code s3://} or {@code s3a://}). */
    public boolean isS3() {
        return lake.startsWith("s3://") || lake.startsWith("s3a://");
    }

    /** The lake's directory, for a lake on this machine. */
    public java.util.Optional<Path> localDirectory() {
        if (isS3()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(lake.startsWith("file:") ? Path.of(java.net.URI.create(lake)) : Path.of(lake));
    }

    public static AtlasSettings defaults(String lake) {
        return new AtlasSettings(lake, Runtime.getRuntime().availableProcessors(), NormalizationSettings.DEFAULTS,
                DEFAULT_LOOKBACK_DAYS, EngineKind.LOCAL, DEFAULT_SPARK_MASTER, S3Settings.DEFAULTS, GateSettings.DEFAULTS,
                QuerySettings.DEFAULTS, io.atlas.spark.SparkEngineOptions.DEFAULT_TARGET_SPLIT_BYTES,
                io.atlas.spark.SparkEngineOptions.DEFAULT_TARGET_FILE_BYTES, defaultAggregateMemoryBytes());
    }

    /** Settings from properties; absent keys keep their defaults. */
    public static AtlasSettings from(String lake, Properties properties) {
        AtlasSettings defaults = defaults(lake);
        ReadLimits limits = ReadLimits.DEFAULTS;
        int maxRecordBytes = intValue(properties, "atlas.max-record-bytes", limits.maxRecordBytes());
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("Cannot use atlas.max-record-bytes " + maxRecordBytes + ": must be at least 1024");
        }
        long maxDecompressedBytes = longValue(properties, "atlas.max-decompressed-bytes", limits.maxDecompressedBytes());
        if (maxDecompressedBytes < 1) {
            throw new IllegalArgumentException("Cannot use atlas.max-decompressed-bytes " + maxDecompressedBytes + ": must be positive");
        }
        limits = new ReadLimits(maxRecordBytes, maxDecompressedBytes);
        for (String key : List.of("atlas.default-app-name.ndjson", "atlas.default-app-name.json-gzip")) {
            if (properties.getProperty(key) != null && properties.getProperty(key).isBlank()) {
                throw new IllegalArgumentException("Cannot use " + key + ": must not be blank");
            }
        }
        AppNameDefaults apps = new AppNameDefaults(
                properties.getProperty("atlas.default-app-name.ndjson", AppNameDefaults.DEFAULTS.ndjson()),
                properties.getProperty("atlas.default-app-name.json-gzip", AppNameDefaults.DEFAULTS.jsonGzip()));
        return new AtlasSettings(lake, intValue(properties, "atlas.threads", defaults.threads()),
                new NormalizationSettings(limits, apps),
                intValue(properties, "atlas.schedule.lookback-days", DEFAULT_LOOKBACK_DAYS),
                engineSetting(properties.getProperty("atlas.engine", "local")),
                properties.getProperty("atlas.spark.master", DEFAULT_SPARK_MASTER),
                new S3Settings(java.util.Optional.ofNullable(properties.getProperty("atlas.s3.endpoint")),
                        booleanValue(properties, "atlas.s3.path-style-access", false),
                        java.util.Optional.ofNullable(properties.getProperty("atlas.s3.region")),
                        java.util.Optional.ofNullable(properties.getProperty("atlas.notify.sns-topic-arn"))),
                gates(properties), query(properties),
                longValue(properties, "atlas.spark.target-split-bytes", defaults.sparkTargetSplitBytes()),
                longValue(properties, "atlas.spark.target-file-bytes", defaults.sparkTargetFileBytes()),
                longValue(properties, "atlas.aggregate.memory-bytes", defaults.aggregateMemoryBytes()));
    }

    /** The {@code atlas.query.engine} and {@code atlas.athena.*} keys. */
    static QuerySettings query(Properties properties) {
        String engine = properties.getProperty("atlas.query.engine", "duckdb").trim();
        QueryEngineKind kind;
        try {
            kind = QueryEngineKind.valueOf(engine.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid atlas.query.engine '" + engine + "': use duckdb or athena");
        }
        return new QuerySettings(kind, properties.getProperty("atlas.athena.workgroup", QuerySettings.DEFAULTS.workGroup()).trim(),
                optional(properties, "atlas.athena.output-location"), optional(properties, "atlas.athena.endpoint"));
    }

    private static java.util.Optional<String> optional(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.trim());
    }

    /** The {@code atlas.gates.*} keys over {@link GateSettings#DEFAULTS}; an unknown gate key is refused. */
    static GateSettings gates(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("atlas.gates.") && !GATE_KEYS.contains(key)) {
                throw new IllegalArgumentException("Cannot read " + key + ": not a gate setting; use one of " + String.join(", ", GATE_KEYS));
            }
        }
        GateSettings d = GateSettings.DEFAULTS;
        return new GateSettings(doubleValue(properties, "atlas.gates.volume.min-fraction", d.volumeMinFraction()),
                intValue(properties, "atlas.gates.volume.trailing-days", d.trailingDays()),
                action(properties, "atlas.gates.volume.action", d.volumeAction()),
                doubleValue(properties, "atlas.gates.reject-rate.max-share", d.rejectMaxShare()),
                action(properties, "atlas.gates.reject-rate.action", d.rejectAction()),
                action(properties, "atlas.gates.zero-access.action", d.zeroAccessAction()),
                action(properties, "atlas.gates.zero-errors.action", d.zeroErrorsAction()),
                longValue(properties, "atlas.gates.freshness.hours", d.freshnessHours()),
                action(properties, "atlas.gates.freshness.action", d.freshnessAction()));
    }

    private static GateAction action(Properties properties, String key, GateAction fallback) {
        String value = properties.getProperty(key);
        return value == null ? fallback : GateAction.of(key, value);
    }

    private static double doubleValue(Properties properties, String key, double fallback) {
        String value = properties.getProperty(key);
        try {
            return value == null ? fallback : Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Cannot use " + key + " '" + value + "': not a number");
        }
    }

    public AtlasSettings withThreads(int count) {
        return new AtlasSettings(lake, count, normalization, lookbackDays, engine, sparkMaster, s3, gates, query,
                sparkTargetSplitBytes, sparkTargetFileBytes, aggregateMemoryBytes);
    }

    public AtlasSettings withEngine(EngineKind kind, String master) {
        return new AtlasSettings(lake, threads, normalization, lookbackDays, kind, master, s3, gates, query,
                sparkTargetSplitBytes, sparkTargetFileBytes, aggregateMemoryBytes);
    }

    /** Parses {@code local} or {@code spark}. */
    public static EngineKind engine(String name) {
        try {
            return EngineKind.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid engine '" + name + "': use local or spark");
        }
    }

    private static EngineKind engineSetting(String name) {
        try {
            return engine(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot use atlas.engine '" + name + "': use local or spark");
        }
    }

    /** {@code true} or {@code false} (any case); anything else ({@code yess}, {@code 1}) is refused, not read as false. */
    private static boolean booleanValue(Properties properties, String key, boolean fallback) {
        String value = properties.getProperty(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Cannot use " + key + " '" + value + "': use true or false");
        };
    }

    private static int intValue(Properties properties, String key, int fallback) {
        String value = properties.getProperty(key);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Cannot use " + key + " '" + value + "': not an integer");
        }
    }

    private static long longValue(Properties properties, String key, long fallback) {
        String value = properties.getProperty(key);
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Cannot use " + key + " '" + value + "': not an integer");
        }
    }
}
