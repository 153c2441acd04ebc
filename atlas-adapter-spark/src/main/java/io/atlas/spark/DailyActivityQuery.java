package io.atlas.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LogType;
import java.time.LocalDate;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The daily aggregate of SPEC §4 (the rules of the domain's {@code DailyActivityAccumulator}) as Spark's own
 * aggregation, distributed end to end: a shuffle on {@code log_id} (and the facts it determines) keeps each event once with the number of rows that
 * carried it, then every distinct event becomes one row per dimension it counts in (request type, app, device of
 * an access event, code of an error event, its address, its class for the scalars), grouped by (dimension, key) in a
 * second shuffle and by dimension in a small third one. Both large groupings are Spark's hash aggregates, which spill;
 * the addresses reach the driver as one count, only the scalars and the small maps are collected. Exact: no sketch.
 */
final class DailyActivityQuery {
    private static final String TYPE = "T";
    private static final String APP = "A";
    private static final String DEVICE = "D";
    private static final String CODE = "E";
    private static final String IP = "I";
    private static final String CLASS = "S";
    private static final String ACCESS_CLIENT_ERROR = "4xx";
    private static final String ACCESS_SERVER_ERROR = "5xx";
    private static final String ACCESS_OTHER = "access";
    private static final String ERROR_EVENT = "error";

    private DailyActivityQuery() {}

    /**
     * The day's row from its processed rows ({@code log_id, log_type} as a {@link LogType} name, {@code status_code,
     * ip_address, device, request_type, app_name}), possibly repeating events.
     */
    static DailyActivity aggregate(Dataset<Row> events, LocalDate date, long rejected) {
        // log_type, status, address, device, request type and app are content columns, which log_id hashes: rows of
        // one log_id agree on all of them, so grouping by all seven is grouping by log_id. Keys rather than first()
        // buffers let Spark plan a hash aggregate with a map-side partial count (first() over strings is a sort
        // aggregate: every row sorted before the shuffle's reduce).
        Dataset<Row> distinct = events.groupBy("log_id", "log_type", "status_code", "ip_address", "device",
                "request_type", "app_name").agg(count(lit(1)).as("occurrences"));
        Column access = col("log_type").equalTo(LogType.ACCESS.name());
        Column status = col("status_code");
        Column eventClass = when(access.and(status.between(400, 499)), lit(ACCESS_CLIENT_ERROR))
                .when(access.and(status.between(500, 599)), lit(ACCESS_SERVER_ERROR))
                .when(access, lit(ACCESS_OTHER))
                .otherwise(lit(ERROR_EVENT));
        Column dimensions = array(
                fact(lit(TYPE), col("request_type")),
                fact(lit(APP), col("app_name")),
                when(access.and(col("device").isNotNull()), fact(lit(DEVICE), col("device"))),
                when(not(access), fact(lit(CODE), status.cast("string"))),
                fact(lit(IP), col("ip_address")),
                struct(lit(CLASS).as("dim"), eventClass.as("key"), col("occurrences").as("occurrences")));
        Dataset<Row> perKey = distinct.select(explode(dimensions).as("f"))
                .filter(col("f").isNotNull())
                .select(col("f.dim").as("dim"), col("f.key").as("key"), col("f.occurrences").as("occurrences"))
                .groupBy("dim", "key").agg(count(lit(1)).as("events"), sum("occurrences").as("rows"));
        Dataset<Row> perDimension = perKey
                .groupBy(col("dim"), when(col("dim").equalTo(IP), lit(null).cast("string")).otherwise(col("key")).as("key"))
                .agg(sum("events").as("events"), sum("rows").as("rows"), count(lit(1)).as("keys"));

        long uniqueIps = 0;
        long rows = 0;
        long distinctEvents = 0;
        TreeMap<String, Long> byClass = new TreeMap<>();
        TreeMap<String, Long> byDevice = new TreeMap<>();
        TreeMap<String, Long> byType = new TreeMap<>();
        TreeMap<String, Long> byApp = new TreeMap<>();
        TreeMap<String, Long> byCode = new TreeMap<>();
        for (Row row : perDimension.collectAsList()) {
            String dim = row.getString(0);
            long n = row.getLong(2);
            switch (dim) {
                case IP -> uniqueIps = row.getLong(4);
                case CLASS -> {
                    byClass.put(row.getString(1), n);
                    rows += row.getLong(3);
                    distinctEvents += n;
                }
                case DEVICE -> byDevice.put(row.getString(1), n);
                case TYPE -> byType.put(row.getString(1), n);
                case APP -> byApp.put(row.getString(1), n);
                case CODE -> byCode.put(row.getString(1), n);
                default -> throw new IllegalStateException("Unknown dimension " + dim);
            }
        }
        long clientErrors = byClass.getOrDefault(ACCESS_CLIENT_ERROR, 0L);
        long serverErrors = byClass.getOrDefault(ACCESS_SERVER_ERROR, 0L);
        long accessEvents = clientErrors + serverErrors + byClass.getOrDefault(ACCESS_OTHER, 0L);
        return new DailyActivity(date, accessEvents, byClass.getOrDefault(ERROR_EVENT, 0L), clientErrors, serverErrors,
                uniqueIps, byDevice, byType, byApp, byCode, rows - distinctEvents, rejected);
    }

    private static Column fact(Column dim, Column key) {
        return struct(dim.as("dim"), key.as("key"), lit(0L).as("occurrences"));
    }
}
