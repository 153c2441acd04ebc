package io.atlas.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.SplitFileNormalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A normalize run's counts, collected from its tasks (one row per whole file, one per range: never more than the
 * day's pieces), and the completion of the files read in ranges: the driver completes each such file from its ranges'
 * summaries ({@link SplitFileNormalizer#complete}) and the range rejects are then kept or dropped and renumbered by a
 * broadcast join with that small table, on the executors.
 */
final class DayCounts {
    private static final StructType COMPLETION = new StructType()
            .add("c_key", DataTypes.StringType, false)
            .add("c_range", DataTypes.IntegerType, false)
            .add("c_lines_before", DataTypes.LongType, false)
            .add("c_owns_dayless", DataTypes.BooleanType, false);

    private final Map<LogFormat, FileCounts> byFormat;
    private final List<Row> completions;

    private DayCounts(Map<LogFormat, FileCounts> byFormat, List<Row> completions) {
        this.byFormat = byFormat;
        this.completions = completions;
    }

    /** From the collected counts and range rows of {@link SparkRows#NORMALIZED}. */
    static DayCounts of(List<Row> rows, LocalDate processDate) {
        Map<LogFormat, FileCounts> byFormat = new EnumMap<>(LogFormat.class);
        Map<String, TreeMap<Integer, SplitFileNormalizer.RangeSummary>> ranges = new TreeMap<>();
        Map<String, LogFormat> formats = new TreeMap<>();
        for (Row row : rows) {
            LogFormat format = LogFormat.fromFolder(row.getString(row.fieldIndex("counts_format"))).orElseThrow();
            if (SparkRows.COUNTS.equals(row.getString(0))) {
                byFormat.merge(format, new FileCounts(row.getLong(row.fieldIndex("counts_read")),
                        row.getLong(row.fieldIndex("counts_processed")), row.getLong(row.fieldIndex("counts_rejected")),
                        row.getLong(row.fieldIndex("counts_other_day"))), FileCounts::plus);
            } else {
                String key = row.getString(row.fieldIndex(SparkRows.ITEM_KEY));
                formats.put(key, format);
                // keyed by range: a retried task's row replaces its first attempt's, never adds to it
                ranges.computeIfAbsent(key, k -> new TreeMap<>())
                        .put(row.getInt(row.fieldIndex(SparkRows.ITEM_RANGE)), SparkRows.rangeSummary(row));
            }
        }
        List<Row> completions = new ArrayList<>();
        ranges.forEach((key, summaries) -> {
            SplitFileNormalizer.Completion completion = SplitFileNormalizer.complete(List.copyOf(summaries.values()), processDate);
            byFormat.merge(formats.get(key), completion.counts(), FileCounts::plus);
            int i = 0;
            for (Integer range : summaries.keySet()) {
                completions.add(RowFactory.create(key, range, completion.linesBefore().get(i++), completion.ownsDayless()));
            }
        });
        return new DayCounts(byFormat, completions);
    }

    Map<LogFormat, FileCounts> byFormat() {
        return byFormat;
    }

    /**
     * The day's rejects from the rows of kind reject: those of whole files as they are; those of ranges numbered
     * within the file, and the timestamp-less ones only when the day owns them.
     */
    Dataset<Row> keptRejects(SparkSession spark, Dataset<Row> rejects) {
        if (completions.isEmpty()) {
            return rejects;
        }
        Dataset<Row> table = spark.createDataFrame(completions, COMPLETION);
        Dataset<Row> joined = rejects.join(broadcast(table), col(SparkRows.ITEM_KEY).equalTo(col("c_key"))
                .and(col(SparkRows.ITEM_RANGE).equalTo(col("c_range"))), "left");
        return joined
                .filter(col(SparkRows.ITEM_RANGE).isNull().or(col(SparkRows.REJECT_DAYLESS).equalTo(lit(false)))
                        .or(col("c_owns_dayless")))
                .withColumn("reject_record_index", col("reject_record_index").plus(coalesce(col("c_lines_before"), lit(0L))));
    }
}
