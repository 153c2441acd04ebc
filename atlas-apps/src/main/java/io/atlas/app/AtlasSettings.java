package io.atlas.app;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.record.AppNameDefaults;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How an {@link Atlas} is configured. Keys (dashed and dotted) for properties files and {@code -D}:
 * {@code atlas.threads}, {@code atlas.max-record-bytes}, {@code atlas.max-decompressed-bytes},
 * {@code atlas.max-compression-ratio}, {@code atlas.default-app-name.ndjson}, {@code atlas.default-app-name.json-gzip},
 * {@code atlas.schedule.lookback-days}.
 */
public record AtlasSettings(Path lake, int threads, NormalizationSettings normalization, int lookbackDays) {
    public static final int DEFAULT_LOOKBACK_DAYS = 30;

    public AtlasSettings {
        requireNonNull(lake, "lake is null");
        requireNonNull(normalization, "normalization is null");
        if (threads < 1) {
            throw new IllegalArgumentException("atlas.threads must be at least 1, got " + threads);
        }
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("atlas.schedule.lookback-days must be at least 1, got " + lookbackDays);
        }
    }

    public static AtlasSettings defaults(Path lake) {
        return new AtlasSettings(lake, Runtime.getRuntime().availableProcessors(), NormalizationSettings.DEFAULTS,
                DEFAULT_LOOKBACK_DAYS);
    }

    /** Settings from properties; absent keys keep their defaults. */
    public static AtlasSettings from(Path lake, Properties properties) {
        AtlasSettings defaults = defaults(lake);
        ReadLimits limits = ReadLimits.DEFAULTS;
        limits = new ReadLimits(
                intValue(properties, "atlas.max-record-bytes", limits.maxRecordBytes()),
                longValue(properties, "atlas.max-decompressed-bytes", limits.maxDecompressedBytes()),
                intValue(properties, "atlas.max-compression-ratio", limits.maxCompressionRatio()));
        AppNameDefaults apps = new AppNameDefaults(
                properties.getProperty("atlas.default-app-name.ndjson", AppNameDefaults.DEFAULTS.ndjson()),
                properties.getProperty("atlas.default-app-name.json-gzip", AppNameDefaults.DEFAULTS.jsonGzip()));
        return new AtlasSettings(lake, intValue(properties, "atlas.threads", defaults.threads()),
                new NormalizationSettings(limits, apps),
                intValue(properties, "atlas.schedule.lookback-days", DEFAULT_LOOKBACK_DAYS));
    }

    public AtlasSettings withThreads(int count) {
        return new AtlasSettings(lake, count, normalization, lookbackDays);
    }

    public AtlasSettings withLookbackDays(int days) {
        return new AtlasSettings(lake, threads, normalization, days);
    }

    private static int intValue(Properties properties, String key, int fallback) {
        String value = properties.getProperty(key);
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + key + " '" + value + "': not an integer");
        }
    }

    private static long longValue(Properties properties, String key, long fallback) {
        String value = properties.getProperty(key);
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + key + " '" + value + "': not an integer");
        }
    }
}
