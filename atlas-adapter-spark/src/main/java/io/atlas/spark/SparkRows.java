package io.atlas.spark;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * The Spark schemas of the three tables (same columns, order and Parquet types as the local engine's files:
 * timestamps in milliseconds, UTC) and of the one row type normalize's executors emit for all outputs.
 */
final class SparkRows {
    static final String KIND = "kind";
    static final String REJECT = "reject";
    static final String COUNTS = "counts";

    static final StructType LOGS = new StructType(new StructField[] {
        field("log_id", DataTypes.StringType), field("event_timestamp", DataTypes.TimestampType),
        field("ip_address", DataTypes.StringType), field("device", DataTypes.StringType),
        field("request_type", DataTypes.StringType), field("status_code", DataTypes.IntegerType),
        field("endpoint", DataTypes.StringType), field("message", DataTypes.StringType),
        field("app_name", DataTypes.StringType), field("raw_format", DataTypes.StringType),
        field("source_file", DataTypes.StringType)});

    static final StructType REJECTS = new StructType(new StructField[] {
        field("process_date", DataTypes.DateType), field("source_file", DataTypes.StringType),
        field("raw_format", DataTypes.StringType), field("record_index", DataTypes.LongType),
        field("reason_code", DataTypes.StringType), field("reason_detail", DataTypes.StringType),
        field("raw_record", DataTypes.StringType)});

    private static final DataType COUNTS_MAP = DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType, false);

    static final StructType DAILY_ACTIVITY = new StructType(new StructField[] {
        field("total_requests", DataTypes.LongType), field("error_count", DataTypes.LongType),
        field("client_error_count", DataTypes.LongType), field("server_error_count", DataTypes.LongType),
        field("unique_ips", DataTypes.LongType), field("requests_by_device", COUNTS_MAP),
        field("requests_by_type", COUNTS_MAP), field("requests_by_app", COUNTS_MAP),
        field("errors_by_code", COUNTS_MAP), field("duplicate_records", DataTypes.LongType),
        field("rejected_records", DataTypes.LongType)});

    /** kind, then the logs columns, then the rejects columns, then a file's counts. */
    static final StructType NORMALIZED = new StructType(concat(
            new StructField[] {field(KIND, DataTypes.StringType)}, LOGS.fields(), prefixed("reject_", REJECTS.fields()),
            new StructField[] {field("counts_format", DataTypes.StringType), field("counts_read", DataTypes.LongType),
                field("counts_processed", DataTypes.LongType), field("counts_rejected", DataTypes.LongType),
                field("counts_other_day", DataTypes.LongType)}));

    private static final int WIDTH = NORMALIZED.fields().length;
    private static final int LOGS_AT = 1;
    private static final int REJECTS_AT = 1 + LOGS.fields().length;
    private static final int COUNTS_AT = REJECTS_AT + REJECTS.fields().length;

    private SparkRows() {}

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static StructField[] prefixed(String prefix, StructField[] fields) {
        StructField[] renamed = new StructField[fields.length];
        for (int i = 0; i < fields.length; i++) {
            renamed[i] = field(prefix + fields[i].name(), fields[i].dataType());
        }
        return renamed;
    }

    private static StructField[] concat(StructField[]... parts) {
        return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(StructField[]::new);
    }

    /** The columns of the logs table inside {@link #NORMALIZED}. */
    static List<String> logColumns() {
        return java.util.Arrays.stream(LOGS.fieldNames()).toList();
    }

    /** The reject columns inside {@link #NORMALIZED}, with the names they take in the output. */
    static List<String[]> rejectColumns() {
        return java.util.Arrays.stream(REJECTS.fieldNames()).map(n -> new String[] {"reject_" + n, n}).toList();
    }

    static Row record(CanonicalRecord r) {
        Object[] values = new Object[WIDTH];
        values[0] = r.logType().partitionValue();
        values[LOGS_AT] = r.logId();
        values[LOGS_AT + 1] = Timestamp.from(r.eventTimestamp());
        values[LOGS_AT + 2] = r.ipAddress();
        values[LOGS_AT + 3] = r.device();
        values[LOGS_AT + 4] = r.requestType();
        values[LOGS_AT + 5] = r.statusCode();
        values[LOGS_AT + 6] = r.endpoint();
        values[LOGS_AT + 7] = r.message();
        values[LOGS_AT + 8] = r.appName();
        values[LOGS_AT + 9] = r.rawFormat().folder();
        values[LOGS_AT + 10] = r.sourceFile();
        return RowFactory.create(values);
    }

    static Row reject(RejectRow r) {
        Object[] values = new Object[WIDTH];
        values[0] = REJECT;
        values[REJECTS_AT] = Date.valueOf(r.processDate());
        values[REJECTS_AT + 1] = r.sourceFile();
        values[REJECTS_AT + 2] = r.rawFormat().folder();
        values[REJECTS_AT + 3] = r.recordIndex();
        values[REJECTS_AT + 4] = r.reasonCode().name();
        values[REJECTS_AT + 5] = r.reasonDetail();
        values[REJECTS_AT + 6] = r.rawRecord();
        return RowFactory.create(values);
    }

    static Row counts(LogFormat format, FileCounts c) {
        Object[] values = new Object[WIDTH];
        values[0] = COUNTS;
        values[COUNTS_AT] = format.folder();
        values[COUNTS_AT + 1] = c.read();
        values[COUNTS_AT + 2] = c.processed();
        values[COUNTS_AT + 3] = c.rejected();
        values[COUNTS_AT + 4] = c.otherDay();
        return RowFactory.create(values);
    }

    static Row gold(DailyActivity g) {
        return RowFactory.create(g.totalRequests(), g.errorCount(), g.clientErrorCount(), g.serverErrorCount(),
                g.uniqueIps(), map(g.requestsByDevice()), map(g.requestsByType()), map(g.requestsByApp()),
                map(g.errorsByCode()), g.duplicateRecords(), g.rejectedRecords());
    }

    private static scala.collection.Map<String, Long> map(java.util.Map<String, Long> values) {
        return JavaConverters.mapAsScalaMap(new java.util.HashMap<>(values));
    }
}
