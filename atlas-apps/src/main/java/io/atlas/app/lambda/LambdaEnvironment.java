package io.atlas.app.lambda;

import io.atlas.app.AtlasSettings;
import io.atlas.app.wiring.LakeStores;
import io.atlas.ports.storage.ObjectStore;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda's configuration, from its environment: {@code ATLAS_LAKE} ({@code s3://bucket/prefix}, required),
 * {@code ATLAS_S3_ENDPOINT} and {@code ATLAS_S3_PATH_STYLE_ACCESS} (S3-compatible servers, tests),
 * {@code ATLAS_SNS_TOPIC_ARN} (run summaries), {@code ATLAS_LOOKBACK_DAYS} (30), {@code ATLAS_MAP_CONCURRENCY} (dates run in
 * parallel by one state machine execution, 2).
 */
public record LambdaEnvironment(String lake, AtlasSettings.S3Settings s3, int lookbackDays, int mapConcurrency) {

    public static LambdaEnvironment from(Map<String, String> env) {
        String lake = env.get("ATLAS_LAKE");
        if (lake == null || lake.isBlank()) {
            throw new IllegalStateException("Cannot start: ATLAS_LAKE (s3://bucket/prefix) is not set");
        }
        return new LambdaEnvironment(lake,
                new AtlasSettings.S3Settings(Optional.ofNullable(env.get("ATLAS_S3_ENDPOINT")),
                        Boolean.parseBoolean(env.getOrDefault("ATLAS_S3_PATH_STYLE_ACCESS", "false")),
                        Optional.ofNullable(env.get("AWS_REGION")), Optional.ofNullable(env.get("ATLAS_SNS_TOPIC_ARN"))),
                Integer.parseInt(env.getOrDefault("ATLAS_LOOKBACK_DAYS", Integer.toString(AtlasSettings.DEFAULT_LOOKBACK_DAYS))),
                Integer.parseInt(env.getOrDefault("ATLAS_MAP_CONCURRENCY", "2")));
    }

    public ObjectStore store() {
        return LakeStores.open(lake, s3);
    }
}
