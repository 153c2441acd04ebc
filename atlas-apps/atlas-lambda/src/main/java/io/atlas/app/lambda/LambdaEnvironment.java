package io.atlas.app.lambda;

import io.atlas.app.AtlasSettings;
import io.atlas.app.SettingsSources;
import io.atlas.app.wiring.LakeStores;
import io.atlas.ports.storage.ObjectStore;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda's configuration, from its environment: {@code ATLAS_LAKE} ({@code s3://bucket/prefix}, required), every
 * Atlas setting as {@link SettingsSources} names it ({@code ATLAS_MAX_DECOMPRESSED_BYTES},
 * {@code ATLAS_S3_ENDPOINT}, {@code ATLAS_SNS_TOPIC_ARN}, {@code ATLAS_LOOKBACK_DAYS}, ...), parsed into the same
 * {@link AtlasSettings} the CLI uses, and {@code ATLAS_MAP_CONCURRENCY} (dates run in parallel by one state machine
 * execution, 2).
 */
public record LambdaEnvironment(AtlasSettings settings, int mapConcurrency) {

    public LambdaEnvironment {
        java.util.Objects.requireNonNull(settings, "settings is null");
        if (mapConcurrency < 1) {
            throw new IllegalArgumentException("ATLAS_MAP_CONCURRENCY must be at least 1, got " + mapConcurrency);
        }
    }

    public static LambdaEnvironment from(Map<String, String> env) {
        String lake = env.get("ATLAS_LAKE");
        if (lake == null || lake.isBlank()) {
            throw new IllegalStateException("Cannot start: ATLAS_LAKE (s3://bucket/prefix) is not set");
        }
        String concurrency = env.getOrDefault("ATLAS_MAP_CONCURRENCY", "2");
        try {
            return new LambdaEnvironment(AtlasSettings.from(lake, SettingsSources.fromEnvironment(env)),
                    Integer.parseInt(concurrency.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Cannot start: ATLAS_MAP_CONCURRENCY '" + concurrency + "' is not an integer");
        }
    }

    public String lake() {
        return settings.lake();
    }

    public AtlasSettings.S3Settings s3() {
        return settings.s3();
    }

    public int lookbackDays() {
        return settings.lookbackDays();
    }

    public ObjectStore store() {
        return LakeStores.open(settings.lake(), settings.s3());
    }
}
