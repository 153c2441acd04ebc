package io.atlas.spark;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.aggregate.DailyActivityAccumulator;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.FileCounts;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The {@link Engine} on Spark (local mode, a cluster, or AWS Glue 5). Normalize distributes the day's validated files
 * over tasks that run the domain's {@code FileNormalizer}; aggregate deduplicates by {@code log_id} with a shuffle and
 * folds distinct events with the domain's accumulator as a Spark {@code Aggregator}. Outputs are written to a staging
 * area and published partition by partition with the same commit markers as the local engine, so only the process
 * date's partitions change (never a static overwrite of a table).
 */
public final class SparkEngine implements Engine {
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

    @Override
    public NormalizeResult normalize(RunContext context, LocalDate processDate) {
        List<String> tasks = new ArrayList<>();
        for (LogFormat format : LogFormat.values()) {
            for (ObjectInfo file : store.list(LakeLayout.validatedDayPrefix(format, processDate))) {
                tasks.add(NormalizeFiles.task(format, file.key().value()));
            }
        }
        StagedOutput staged = new StagedOutput(store, context.runId());
        try {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int slices = Math.max(1, (tasks.size() + options.filesPerTask() - 1) / options.filesPerTask());
            JavaRDD<Row> rows = jsc.parallelize(tasks, slices).mapPartitions(new NormalizeFiles(lake, processDate, settings,
                    jsc.broadcast(new SerializableConfiguration(jsc.hadoopConfiguration()))));
            org.apache.spark.sql.Dataset<Row> all = spark.createDataFrame(rows, SparkRows.NORMALIZED)
                    .persist(StorageLevel.MEMORY_AND_DISK_SER());
            try {
                Map<LogFormat, FileCounts> byFormat = new EnumMap<>(LogFormat.class);
                for (Row counts : all.filter(col(SparkRows.KIND).equalTo(SparkRows.COUNTS)).collectAsList()) {
                    LogFormat format = LogFormat.fromFolder(counts.getString(counts.fieldIndex("counts_format"))).orElseThrow();
                    FileCounts c = new FileCounts(counts.getLong(counts.fieldIndex("counts_read")),
                            counts.getLong(counts.fieldIndex("counts_processed")), counts.getLong(counts.fieldIndex("counts_rejected")),
                            counts.getLong(counts.fieldIndex("counts_other_day")));
                    byFormat.merge(format, c, FileCounts::plus);
                }
                TreeMap<RejectReason, Long> byReason = new TreeMap<>();
                for (Row reason : all.filter(col(SparkRows.KIND).equalTo(SparkRows.REJECT))
                        .groupBy("reject_reason_code").count().collectAsList()) {
                    byReason.put(RejectReason.valueOf(reason.getString(0)), reason.getLong(1));
                }
                NormalizeResult result = new NormalizeResult(processDate, tasks.size(), byFormat, byReason);

                Column[] logColumns = SparkRows.logColumns().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
                Column[] rejectColumns = SparkRows.rejectColumns().stream().map(c -> col(c[0]).as(c[1])).toArray(Column[]::new);
                for (LogType type : LogType.values()) {
                    write(all.filter(col(SparkRows.KIND).equalTo(type.partitionValue())).select(logColumns),
                            staged.location(type.partitionValue()));
                }
                write(all.filter(col(SparkRows.KIND).equalTo(SparkRows.REJECT)).select(rejectColumns), staged.location("rejects"));

                for (DayPartition output : PartitionCommit.normalizeOutputs(processDate)) {
                    if (output.dataset() == Dataset.REJECTS) {
                        staged.publish("rejects", output, result.total().rejected());
                    } else {
                        LogType type = LogType.fromPartitionValue(output.values().get(0));
                        long processed = result.byFormat().entrySet().stream().filter(e -> e.getKey().logType() == type)
                                .mapToLong(e -> e.getValue().processed()).sum();
                        staged.publish(type.partitionValue(), output, processed);
                    }
                }
                return result;
            } finally {
                all.unpersist();
            }
        } catch (Exception e) { // Spark throws its checked SparkException undeclared, from Scala
            throw new EngineException(ErrorCategory.INTERNAL, "Cannot normalize " + processDate + " on Spark: " + rootMessage(e), e);
        } finally {
            staged.clean();
        }
    }

    private void write(org.apache.spark.sql.Dataset<Row> rows, String stagingLocation) {
        rows.coalesce(options.outputFilesPerPartition()).write().mode(SaveMode.Overwrite)
                .parquet(lake.resolve(stagingLocation).toString());
    }

    @Override
    public DailyActivity aggregate(RunContext context, LocalDate processDate) {
        StagedOutput staged = new StagedOutput(store, context.runId());
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
            DailyActivityAccumulator accumulator = new DailyActivityAccumulator();
            if (events != null) {
                org.apache.spark.sql.Dataset<Row> distinct = events.groupBy("log_id").agg(first("log_type").as("log_type"),
                                first("status_code").as("status_code"), first("ip_address").as("ip_address"),
                                first("device", true).as("device"), first("request_type").as("request_type"),
                                first("app_name").as("app_name"), count(lit(1)).as("occurrences"))
                        .select("log_type", "status_code", "ip_address", "device", "request_type", "app_name", "occurrences");
                accumulator = distinct.select(new DailyActivityAggregator().toColumn()).first();
            }
            DailyActivity row = accumulator.result(processDate, rejected);
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
