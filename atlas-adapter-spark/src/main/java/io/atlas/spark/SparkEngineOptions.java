package io.atlas.spark;

/**
 * Knobs of the Spark engine.
 *
 * @param filesPerTask validated files one normalize task reads (more: fewer, longer tasks)
 * @param outputFilesPerPartition Parquet files written per output partition (1 keeps a day in one file)
 */
public record SparkEngineOptions(int filesPerTask, int outputFilesPerPartition) {
    public static final SparkEngineOptions DEFAULTS = new SparkEngineOptions(1, 1);

    public SparkEngineOptions {
        if (filesPerTask < 1 || outputFilesPerPartition < 1) {
            throw new IllegalArgumentException("filesPerTask and outputFilesPerPartition must be at least 1");
        }
    }
}
