package io.atlas.app.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The in-run Spark baseline: the day's jobs as a Spark user would write them by hand, with none of Atlas's
 * validation, rejects or commit protocol. Normalize reads the NDJSON with Spark's JSON reader and a schema, keeps the
 * day's rows, derives the canonical columns with a {@code sha2} {@code log_id} and writes Parquet partitioned by
 * {@code log_type}; aggregate deduplicates by {@code log_id} ({@code groupBy}, cached), then one {@code agg} with
 * {@code countDistinct} for the scalars and a {@code groupBy().count()} per map.
 */
final class SparkSqlBaseline {
    private static final StructType ACCESS = new StructType()
            .add("timestamp", DataTypes.StringType)
            .add("ip", DataTypes.StringType)
            .add("user_agent", DataTypes.StringType)
            .add("request_type", DataTypes.StringType)
            .add("status", DataTypes.IntegerType)
            .add("endpoint", DataTypes.StringType);

    private final SparkSession spark;

    SparkSqlBaseline(SparkSession spark) {
        this.spark = spark;
    }

    /** The session the Spark engine started (the bench runs both in it). */
    static SparkSqlBaseline active() {
        return new SparkSqlBaseline(SparkSession.builder().getOrCreate());
    }

    /** Writes the day's rows under {@code output}. */
    void normalize(List<Path> ndjson, Path output) {
        Dataset<Row> raw = spark.read().schema(ACCESS).json(ndjson.stream().map(Path::toString).toArray(String[]::new));
        Column ts = to_timestamp(col("timestamp"));
        Column requestType = upper(col("request_type"));
        Column nul = lit("\u0000");
        Dataset<Row> logs = raw.filter(ts.isNotNull().and(to_date(ts).equalTo(lit(Date.valueOf(BenchDay.DAY)))))
                .select(sha2(concat_ws("\u001f", lit("access"), ts.cast("long").cast("string"), col("ip"),
                                coalesce(col("user_agent"), nul), requestType, col("status").cast("string"),
                                coalesce(col("endpoint"), nul), nul, lit("web_app_1")), 256).as("log_id"),
                        ts.as("event_timestamp"), col("ip").as("ip_address"), col("user_agent").as("device"),
                        requestType.as("request_type"), col("status").as("status_code"), col("endpoint"),
                        lit(null).cast("string").as("message"), lit("web_app_1").as("app_name"), lit("ndjson").as("raw_format"),
                        input_file_name().as("source_file"), lit("access").as("log_type"));
        logs.write().mode(SaveMode.Overwrite).partitionBy("log_type").parquet(output.toString());
    }

    /** The exact daily aggregate over processed files; returns distinct events. */
    long aggregate(List<Path> processedFiles) {
        Dataset<Row> events = spark.read().parquet(processedFiles.stream().map(Path::toString).toArray(String[]::new))
                .groupBy("log_id").agg(first("status_code").as("status_code"), first("ip_address").as("ip_address"),
                        first("device").as("device"), first("request_type").as("request_type"),
                        first("app_name").as("app_name"), count(lit(1)).as("occurrences"))
                .cache();
        try {
            Row day = events.agg(count(lit(1)), sum(when(col("status_code").between(400, 499), 1).otherwise(0)),
                    sum(when(col("status_code").between(500, 599), 1).otherwise(0)), countDistinct("ip_address"),
                    sum("occurrences")).first();
            events.groupBy("device").count().collectAsList();
            events.groupBy("request_type").count().collectAsList();
            events.groupBy("app_name").count().collectAsList();
            return day.getLong(0);
        } finally {
            events.unpersist();
        }
    }
}
