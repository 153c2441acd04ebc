package io.atlas.app.wiring;

import io.atlas.app.AtlasSettings;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.engine.EngineException;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.spark.LakeLocation;
import io.atlas.spark.SparkEngine;
import io.atlas.spark.SparkEngineOptions;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the Spark engine. Kept in its own class so Spark's classes load only when the Spark engine is chosen (the
 * launcher adds Spark to the class path for {@code --engine spark}; Glue provides it).
 */
public final class SparkEngines {
    private static SparkSession started;

    private SparkEngines() {}

    /** Stops the session this class started, if any (the CLI's Spark; never Glue's, which Glue owns). */
    public static synchronized void stop() {
        if (started != null) {
            started.stop();
            started = null;
        }
    }

    /** {@code atlas.spark.target-split-bytes} and {@code atlas.spark.target-file-bytes}. */
    public static SparkEngineOptions options(AtlasSettings settings) {
        return new SparkEngineOptions(settings.sparkTargetSplitBytes(), settings.sparkTargetFileBytes());
    }

    static synchronized SparkEngine create(AtlasSettings settings, ObjectStore store) {
        try {
            Class.forName("org.apache.spark.sql.SparkSession");
        } catch (ClassNotFoundException e) {
            throw new EngineException(ErrorCategory.USER_ERROR,
                    "Cannot start the Spark engine: Spark is not on the class path (./atlas adds it for --engine spark)", e);
        }
        SparkSession spark = SparkSession.builder()
                .master(settings.sparkMaster())
                .appName("atlas")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", Integer.toString(Math.max(2, settings.threads() * 2)))
                .getOrCreate();
        started = spark;
        return new SparkEngine(spark, settings.localDirectory().map(LakeLocation::of).orElseGet(() -> LakeLocation.parse(settings.lake())), store, settings.normalization(),
                options(settings));
    }
}
