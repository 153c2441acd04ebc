package io.atlas.spark;

import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.catalog.TableRows;
import io.atlas.domain.file.NdjsonRanges;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.FileNormalizer;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.normalize.NormalizedSink;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.normalize.SplitFileNormalizer;
import io.atlas.domain.record.CanonicalRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The executor side of normalize, in one pass over the task's bytes: for each {@link NormalizePlan.Item}, streams the
 * file (or the range of it) through Hadoop's file system into the domain's {@link FileNormalizer} (or
 * {@link SplitFileNormalizer}) and writes every processed record straight into the task's Parquet files of its log
 * type, and every reject into the task's reject files (with the range it came from, for the driver to settle its
 * ownership and number). Only small rows go back to the driver: each piece's counts and each file written. Nothing
 * of the day is cached or held: memory is one row group per open file. The very parser and rules of the local
 * engine, so the engines cannot drift.
 */
final class NormalizeFiles implements FlatMapFunction<Iterator<List<NormalizePlan.Item>>, Row> {
    private static final long serialVersionUID = 1L;

    /** A reject as a task writes it: from a whole file ({@code key == null}), or from a range, numbered within it. */
    record TaskReject(RejectRow row, @Nullable String key, @Nullable Integer range, @Nullable Boolean dayless) {}

    static final String REJECTS_OUTPUT = "task-rejects";
    private static final Set<String> UNIQUE_LOG_COLUMNS = Set.of("log_id", "raw_record");
    private static final Set<String> UNIQUE_REJECT_COLUMNS = Set.of(SparkRows.REJECT_PREFIX + "raw_record");

    private final LakeLocation lake;
    private final LocalDate processDate;
    private final NormalizationSettings settings;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final StagingNames staging;
    private final long targetFileBytes;

    /** Where a run's task files go: one staging folder per output. */
    interface StagingNames extends java.io.Serializable {
        String location(String output);
    }

    NormalizeFiles(LakeLocation lake, LocalDate processDate, NormalizationSettings settings,
            Broadcast<SerializableConfiguration> hadoop, StagingNames staging, long targetFileBytes) {
        this.lake = lake;
        this.processDate = processDate;
        this.settings = settings;
        this.hadoop = hadoop;
        this.staging = staging;
        this.targetFileBytes = targetFileBytes;
    }

    /** The layout of the logs files (the logs table's columns). */
    static TaskParquet<CanonicalRecord> logsLayout() {
        return new TaskParquet<>("logs", TaskParquet.fields(TableRows.LOGS, "", (CanonicalRecord r) -> r));
    }

    /** The layout of a task's reject files: the rejects table's columns prefixed, then where each came from. */
    static TaskParquet<TaskReject> rejectsLayout() {
        List<TaskParquet.Field<TaskReject>> fields = new ArrayList<>(
                TaskParquet.fields(TableRows.REJECTS, SparkRows.REJECT_PREFIX, TaskReject::row));
        fields.add(new TaskParquet.Field<>(SparkRows.ITEM_KEY, ColumnType.STRING, TaskReject::key));
        fields.add(new TaskParquet.Field<>(SparkRows.ITEM_RANGE, ColumnType.INT, TaskReject::range));
        fields.add(new TaskParquet.Field<>(SparkRows.REJECT_DAYLESS, ColumnType.BOOLEAN, TaskReject::dayless));
        return new TaskParquet<>("task_rejects", fields);
    }

    @Override
    public Iterator<Row> call(Iterator<List<NormalizePlan.Item>> tasks) throws IOException {
        List<NormalizePlan.Item> items = new ArrayList<>();
        tasks.forEachRemaining(items::addAll);
        Configuration configuration = hadoop.value().value();
        TaskContext context = TaskContext.get();
        String task = context == null ? "part-local" : String.format("part-%05d-a%d", context.partitionId(), context.attemptNumber());
        TaskParquet<CanonicalRecord> logs = logsLayout();
        Map<LogType, TaskFiles<CanonicalRecord>> logFiles = new EnumMap<>(LogType.class);
        for (LogType type : LogType.values()) {
            logFiles.put(type, new TaskFiles<>(logs, UNIQUE_LOG_COLUMNS, lake, staging.location(type.partitionValue()), task,
                    targetFileBytes, configuration));
        }
        TaskFiles<TaskReject> rejectFiles = new TaskFiles<>(rejectsLayout(), UNIQUE_REJECT_COLUMNS, lake,
                staging.location(REJECTS_OUTPUT), task, targetFileBytes, configuration);
        List<Row> results = new ArrayList<>();
        try {
            FileNormalizer whole = new FileNormalizer(settings);
            SplitFileNormalizer ranges = new SplitFileNormalizer(settings);
            for (NormalizePlan.Item item : items) {
                normalize(item, configuration, whole, ranges, logFiles, rejectFiles, results);
            }
            for (LogType type : LogType.values()) {
                for (TaskFiles.Written file : logFiles.get(type).finish()) {
                    results.add(SparkRows.file(type.partitionValue(), file.key(), file.rows()));
                }
            }
            for (TaskFiles.Written file : rejectFiles.finish()) {
                results.add(SparkRows.file(REJECTS_OUTPUT, file.key(), file.rows()));
            }
            return results.iterator();
        } finally {
            logFiles.values().forEach(TaskFiles::close);
            rejectFiles.close();
        }
    }

    private void normalize(NormalizePlan.Item item, Configuration configuration, FileNormalizer whole,
            SplitFileNormalizer ranges, Map<LogType, TaskFiles<CanonicalRecord>> logFiles, TaskFiles<TaskReject> rejectFiles,
            List<Row> results) {
        Path path = lake.resolve(item.key());
        try {
            FileSystem fs = path.getFileSystem(configuration);
            if (item.whole()) {
                FileCounts counts = whole.normalize(item.logFormat(), item.key(), () -> fs.open(path), processDate,
                        sink(logFiles, reject -> write(rejectFiles, new TaskReject(reject, null, null, null))));
                results.add(SparkRows.counts(item.logFormat(), counts));
            } else {
                NdjsonRanges.Opener opener = offset -> {
                    FSDataInputStream in = fs.open(path);
                    in.seek(offset);
                    return in;
                };
                SplitFileNormalizer.RangeSummary summary = ranges.normalizeRangeStreaming(item.key(),
                        new NdjsonRanges.Range(item.start(), item.end()), opener, processDate,
                        sink(logFiles, reject -> write(rejectFiles, new TaskReject(reject, item.key(), item.range(), false))),
                        (reject, dayless) -> write(rejectFiles, new TaskReject(reject, item.key(), item.range(), dayless)));
                results.add(SparkRows.range(item, summary));
            }
        } catch (io.atlas.domain.file.FileContentException e) {
            throw new IllegalStateException("Cannot normalize " + item.key() + ": " + e.reason() + " (" + e.detail()
                    + "); ingestion should have rejected it", e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot normalize " + item.key() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("Cannot write the normalized rows of " + item.key() + ": "
                    + e.getCause().getMessage(), e);
        }
    }

    /** Where one piece's rows go: records to their log type's files, rejects through {@code rejects}. */
    private static NormalizedSink sink(Map<LogType, TaskFiles<CanonicalRecord>> logFiles, Consumer<RejectRow> rejects) {
        return new NormalizedSink() {
            @Override
            public void accept(CanonicalRecord record) {
                write(logFiles.get(record.logType()), record);
            }

            @Override
            public void reject(RejectRow row) {
                rejects.accept(row);
            }
        };
    }

    private static <R> void write(TaskFiles<R> files, R row) {
        try {
            files.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
