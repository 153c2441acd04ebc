package io.atlas.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.jspecify.annotations.Nullable;

/**
 * The Parquet files one normalize task attempt writes for one output (a log type, or the day's rejects before their
 * ownership is settled), straight from the parser: a file is closed and the next one begun once it holds about
 * {@code targetBytes}. Files are named after the task and its attempt ({@code part-00003-a0-001.parquet}), so a retried
 * or speculative attempt never overwrites another's, and only the files the successful attempt reports are published.
 * Memory is one row group of the open file.
 */
final class TaskFiles<R> implements AutoCloseable {
    /** A file this task wrote: its key in the lake and its rows. */
    record Written(String key, long rows) {}

    private static final int ROWS_BETWEEN_SIZE_CHECKS = 1024;
    private static final long MIN_ROW_GROUP_BYTES = 1024 * 1024;
    private static final long MAX_ROW_GROUP_BYTES = 8 * 1024 * 1024;
    private static final int ROW_GROUPS_PER_FILE = 16;

    private final TaskParquet<R> layout;
    private final Set<String> withoutDictionary;
    private final LakeLocation lake;
    private final String location;
    private final String task;
    private final long targetBytes;
    private final Configuration hadoop;
    private final List<Written> written = new ArrayList<>();
    private @Nullable ParquetWriter<R> writer;
    private @Nullable String current;
    private long rows;

    /**
     * @param location the key prefix of the output's staging folder, ending in {@code /}
     * @param task the task attempt's part of the file names ({@code part-00003-a0})
     * @param withoutDictionary text columns written without a dictionary (unique per row: ids, raw records)
     */
    TaskFiles(TaskParquet<R> layout, Set<String> withoutDictionary, LakeLocation lake, String location, String task,
            long targetBytes, Configuration hadoop) {
        this.layout = layout;
        this.withoutDictionary = withoutDictionary;
        this.lake = lake;
        this.location = location;
        this.task = task;
        this.targetBytes = targetBytes;
        this.hadoop = hadoop;
    }

    void write(R row) throws IOException {
        if (writer == null) {
            open();
        }
        writer.write(row);
        rows++;
        if (rows % ROWS_BETWEEN_SIZE_CHECKS == 0 && writer.getDataSize() >= targetBytes) {
            finishFile();
        }
    }

    /** Closes the open file; the files written, in order. */
    List<Written> finish() throws IOException {
        finishFile();
        return List.copyOf(written);
    }

    /** Closes the open file, if any, when the task fails (its files are never published). */
    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                // the attempt failed already; its staging files are removed with the run's staging area
            }
            writer = null;
        }
    }

    /**
     * A file's row groups: a sixteenth of the target file size, between 1 and 8 MiB. A row group is the smallest
     * piece of a file that Spark's readers split on, so a day's one 50 MB file of 64 MiB row groups was read by one
     * task of the aggregate's scan (69% of that stage's time on {@code local[2]}); 8 MiB lets the reads spread over as
     * many tasks as the day's bytes per core allow, at the cost of a dictionary and statistics per 8 MiB.
     */
    static int rowGroupBytes(long targetBytes) {
        return (int) Math.max(MIN_ROW_GROUP_BYTES, Math.min(MAX_ROW_GROUP_BYTES, targetBytes / ROW_GROUPS_PER_FILE));
    }

    private void open() throws IOException {
        current = location + String.format("%s-%03d.parquet", task, written.size() + 1);
        OutputFile file = HadoopOutputFile.fromPath(lake.resolve(current), hadoop);
        Builder<R> builder = new Builder<>(file, layout.writeSupport())
                .withConf(hadoop)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(rowGroupBytes(targetBytes))
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
        for (String column : withoutDictionary) {
            builder.withDictionaryEncoding(column, false);
        }
        writer = builder.build();
        rows = 0;
    }

    private void finishFile() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
            written.add(new Written(current, rows));
        }
    }

    private static final class Builder<R> extends ParquetWriter.Builder<R, Builder<R>> {
        private final WriteSupport<R> writeSupport;

        Builder(OutputFile file, WriteSupport<R> writeSupport) {
            super(file);
            this.writeSupport = writeSupport;
        }

        @Override
        protected Builder<R> self() {
            return this;
        }

        @Override
        protected WriteSupport<R> getWriteSupport(Configuration configuration) {
            return writeSupport;
        }
    }
}
