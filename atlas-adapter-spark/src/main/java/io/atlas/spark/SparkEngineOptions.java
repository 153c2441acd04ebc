package io.atlas.spark;

/**
 * Knobs of the Spark engine.
 *
 * @param targetSplitBytes input bytes one normalize task reads: a larger NDJSON file is cut into line-aligned ranges of
 *     about this size, smaller files are packed together up to it (a gzip'd or XML file is always one piece). The
 *     engine also sizes Spark's own file and shuffle partitions from it ({@code spark.sql.files.maxPartitionBytes},
 *     {@code spark.sql.adaptive.advisoryPartitionSizeInBytes})
 * @param targetFileBytes about how large one Parquet file gets: a normalize task closes a file of an output and
 *     starts the next once it holds about this much, so an output partition is written by all the tasks that had rows
 *     of it, in as many files as its size needs
 */
public record SparkEngineOptions(long targetSplitBytes, long targetFileBytes) {
    public static final long DEFAULT_TARGET_SPLIT_BYTES = 128L * 1024 * 1024;
    public static final long DEFAULT_TARGET_FILE_BYTES = 256L * 1024 * 1024;
    public static final SparkEngineOptions DEFAULTS = new SparkEngineOptions(DEFAULT_TARGET_SPLIT_BYTES, DEFAULT_TARGET_FILE_BYTES);

    public SparkEngineOptions {
        if (targetSplitBytes < 1 || targetFileBytes < 1) {
            throw new IllegalArgumentException("targetSplitBytes and targetFileBytes must be positive, got "
                    + targetSplitBytes + " and " + targetFileBytes);
        }
    }
}
