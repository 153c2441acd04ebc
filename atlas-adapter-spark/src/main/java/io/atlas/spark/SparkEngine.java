package io.atlas.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.run.RunContext;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.commit.DayPartition;
import io.atlas.ports.commit.PartitionCommit;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.engine.Engine;
import io.atlas.ports.engine.EngineException;
import io.atlas.ports.engine.NormalizeResult;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The {@link Engine} on Spark (local mode, a cluster, or AWS Glue 5). Normalize spreads the day's validated files
 * over tasks by bytes ({@link NormalizePlan}: large NDJSON files in line-aligned ranges, small files packed) that run
 * the domain's normalizers and write their Parquet files in the same pass ({@link NormalizeFiles}: nothing of the day
 * is cached); aggregate is Spark's own aggregation ({@link DailyActivityQuery}: a shuffle on
 * {@code log_id}, then spilling hash aggregates per dimension), so no task or driver holds the day's distinct ids or
 * addresses. Outputs are written to a staging area in files of about the target size and published partition by
 * partition with the same commit markers as the local engine, so only the process date's partitions change (never a
 * static overwrite of a table).
 */
public final class SparkEngine implements Engine {
    /**
     * Parquet bytes (snappy) an NDJSON input byte is estimated to become in the logs table, to size output files
     * before writing them: an estimate, not measured per day, so files land within a small factor of the target.
     */
    static final double PARQUET_BYTES_PER_INPUT_BYTE = 0.3;

    private final SparkSession spark;
    private final LakeLocation lake;
    private final ObjectStore store;
    private final NormalizationSettings settings;
    private final SparkEngineOptions options;

    public SparkEngine(SparkSession spark, LakeLocation lake, ObjectStore store, NormalizationSettings settings,
            SparkEngineOptions options) {
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.store = requireNonNull(store, "store is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.options = requireNonNull(options, "options is null");
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS");
        spark.conf().set("spark.sql.session.timeZone", "UTC");
        spark.conf().set("spark.sql.parquet.compression.codec", "snappy");
        spark.sparkContext().hadoopConfiguration().set("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
    }

    /** Spark's own reads and shuffles follow the engine's split (set per run: engines may share a session). */
    private void sizePartitions() {
        // Spark's own reads and shuffles follow the same split: at the default target these are Spark's defaults.
        long split = options.targetSplitBytes();
        spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(split));
        spark.conf().set("spark.sql.files.openCostInBytes", Long.toString(NormalizePlan.openCost(split)));
        spark.conf().set("spark.sql.adaptive.advisoryPartitionSizeInBytes", Long.toString(Math.max(1, split / 2)));
        spark.conf().set("spark.sql.adaptive.coalescePartitions.minPartitionSize",
                Long.toString(Math.max(1, Math.min(1024L * 1024, split / 128))));
    }

    @Override
    public NormalizeResult normalize(RunContext context, LocalDate processDate) {
        List<LogFormat> formats = new ArrayList<>();
        List<ObjectInfo> files = new ArrayList<>();
        for (LogFormat format : LogFormat.values()) {
            for (ObjectInfo file : store.list(LakeLayout.validatedDayPrefix(format, processDate))) {
                formats.add(format);
                files.add(file);
            }
        }
        StagedOutput staged = new StagedOutput(store, context.runId());
        sizePartitions();
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<List<NormalizePlan.Item>> tasks = NormalizePlan.tasks(store, formats, files, options.targetSplitBytes(),
                    jsc.defaultParallelism());
            String stagingPrefix = staged.prefix();
            JavaRDD<Row> pieces = jsc.parallelize(tasks, Math.max(1, tasks.size())).mapPartitions(new NormalizeFiles(lake,
                    processDate, settings, jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration())),
                    output -> stagingPrefix + output + "/", options.targetFileBytes()));
            TaskOutputs outputs = TaskOutputs.of(spark.createDataFrame(pieces, SparkRows.NORMALIZED).collectAsList());
            DayCounts day = DayCounts.of(outputs.counts(), processDate);

            org.apache.spark.sql.Dataset<Row> taskRejects = outputs.files(NormalizeFiles.REJECTS_OUTPUT).isEmpty()
                    ? spark.createDataFrame(List.of(), SparkRows.TASK_REJECTS)
                    : spark.read().schema(SparkRows.TASK_REJECTS).parquet(outputs.files(NormalizeFiles.REJECTS_OUTPUT)
                            .stream().map(key -> lake.resolve(key.value()).toString()).toArray(String[]::new));
            Column[] rejectColumns = SparkRows.rejectColumns().stream().map(c -> col(c[0]).as(c[1])).toArray(Column[]::new);
            org.apache.spark.sql.Dataset<Row> rejects = day.keptRejects(spark, taskRejects).select(rejectColumns);
            TreeMap<RejectReason, Long> byReason = new TreeMap<>();
            for (Row reason : rejects.groupBy("reason_code").count().collectAsList()) {
                byReason.put(RejectReason.valueOf(reason.getString(0)), reason.getLong(1));
            }
            NormalizeResult result = new NormalizeResult(processDate, files.size(), day.byFormat(), byReason);
            long rejected = result.total().rejected();
            long inputBytes = files.stream().mapToLong(ObjectInfo::size).sum();
            write(rejects, staged.location("rejects"), rejected, inputBytes * rejected / Math.max(1, result.total().read()));

            for (DayPartition output : PartitionCommit.normalizeOutputs(processDate)) {
                if (output.dataset() == Dataset.REJECTS) {
                    staged.publish("rejects", output, rejected);
                } else {
                    LogType type = LogType.fromPartitionValue(output.values().get(0));
                    long processed = processed(result, type);
                    if (outputs.rows(type.partitionValue()) != processed) {
                        throw new IllegalStateException("the tasks wrote " + outputs.rows(type.partitionValue()) + " "
                                + type.partitionValue() + " rows, their counts say " + processed);
                    }
                    staged.publish(outputs.files(type.partitionValue()), output, processed);
                }
            }
            return result;
        } catch (Exception e) { // Spark throws its checked SparkException undeclared, from Scala
            throw new EngineException(ErrorCategory.INTERNAL, "Cannot normalize " + processDate + " on Spark: " + rootMessage(e), e);
        } finally {
            staged.clean();
        }
    }

    private static long processed(NormalizeResult result, LogType type) {
        return result.byFormat().entrySet().stream().filter(e -> e.getKey().logType() == type)
                .mapToLong(e -> e.getValue().processed()).sum();
    }

    /**
     * Writes an output partition's {@code rows} in files of about {@link SparkEngineOptions#targetFileBytes}, from the
     * input bytes behind them ({@code inputBytes}): as many tasks as files are needed (neighbouring normalize
     * partitions merged without a shuffle), each task cutting its share into files of at most so many rows.
     */
    private void write(org.apache.spark.sql.Dataset<Row> rows, String stagingLocation, long rowCount, long inputBytes) {
        long outputBytes = (long) (inputBytes * PARQUET_BYTES_PER_INPUT_BYTE);
        int files = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (outputBytes + options.targetFileBytes() - 1) / options.targetFileBytes()));
        org.apache.spark.sql.Dataset<Row> tasks = files < rows.rdd().getNumPartitions() ? rows.coalesce(files) : rows;
        tasks.write().mode(SaveMode.Overwrite)
                .option("maxRecordsPerFile", Math.max(1, (rowCount + files - 1) / files))
                .parquet(lake.resolve(stagingLocation).toString());
    }

    @Override
    public DailyActivity aggregate(RunContext context, LocalDate processDate) {
        StagedOutput staged = new StagedOutput(store, context.runId());
        sizePartitions();
        try {
            org.apache.spark.sql.Dataset<Row> events = null;
            for (LogType type : LogType.values()) {
                List<String> files = PartitionCommit.committed(store, Dataset.LOGS, Dataset.logsPartition(type, processDate))
                        .map(info -> info.files().stream().map(k -> lake.resolve(k.value()).toString()).toList())
                        .orElse(List.of());
                if (files.isEmpty()) {
                    continue;
                }
                org.apache.spark.sql.Dataset<Row> part = spark.read().parquet(files.toArray(String[]::new))
                        .select(col("log_id"), lit(type.name()).as("log_type"), col("status_code"),
                                col("ip_address"), col("device"), col("request_type"), col("app_name"));
                events = events == null ? part : events.unionByName(part);
            }
            long rejected = PartitionCommit.committed(store, Dataset.REJECTS, Dataset.rejectsPartition(processDate))
                    .map(PartitionInfo::rows).orElse(0L);
            DailyActivity row = events == null ? DailyActivity.empty(processDate, rejected)
                    : DailyActivityQuery.aggregate(events, processDate, rejected);
            spark.createDataFrame(List.of(SparkRows.gold(row)), SparkRows.DAILY_ACTIVITY).coalesce(1).write()
                    .mode(SaveMode.Overwrite).parquet(lake.resolve(staged.location("gold")).toString());
            staged.publish("gold", PartitionCommit.aggregateOutput(processDate), 1);
            return row;
        } catch (Exception e) { // Spark throws its checked SparkException undeclared, from Scala
            throw new EngineException(ErrorCategory.INTERNAL, "Cannot aggregate " + processDate + " on Spark: " + rootMessage(e), e);
        } finally {
            staged.clean();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof io.atlas.domain.file.FileContentException content) {
                return content.reason() + " (" + content.detail() + "); ingestion should have rejected it";
            }
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
