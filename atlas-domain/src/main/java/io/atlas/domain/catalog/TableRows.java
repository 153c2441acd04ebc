package io.atlas.domain.catalog;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.RejectReason;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The row mappings of the three {@link AtlasTables}: which field of {@link CanonicalRecord}, {@link RejectRow} and
 * {@link DailyActivity} each column holds. Partition columns are not stored in files; the partition values give them.
 */
public final class TableRows {
    public static final RowMapping<CanonicalRecord> LOGS = new RowMapping<>(AtlasTables.LOGS, logs(),
            Set.of("device", "endpoint", "message"), TableRows::logsRow);

    public static final RowMapping<RejectRow> REJECTS = new RowMapping<>(AtlasTables.DATA_QUALITY_REJECTS, rejects(),
            Set.of(), TableRows::rejectRow);

    public static final RowMapping<DailyActivity> DAILY_ACTIVITY = new RowMapping<>(AtlasTables.DAILY_ACTIVITY,
            dailyActivity(), Set.of(), TableRows::dailyActivityRow);

    private TableRows() {}

    private static Map<String, Function<CanonicalRecord, @Nullable Object>> logs() {
        Map<String, Function<CanonicalRecord, @Nullable Object>> values = new LinkedHashMap<>();
        values.put("log_id", CanonicalRecord::logId);
        values.put("event_timestamp", CanonicalRecord::eventTimestamp);
        values.put("ip_address", CanonicalRecord::ipAddress);
        values.put("device", CanonicalRecord::device);
        values.put("request_type", CanonicalRecord::requestType);
        values.put("status_code", CanonicalRecord::statusCode);
        values.put("endpoint", CanonicalRecord::endpoint);
        values.put("message", CanonicalRecord::message);
        values.put("app_name", CanonicalRecord::appName);
        values.put("raw_format", r -> r.rawFormat().folder());
        values.put("source_file", CanonicalRecord::sourceFile);
        return values;
    }

    /** Partition values: log_type, year, month, day. */
    private static CanonicalRecord logsRow(RowMapping.ColumnValues v, List<String> partition) {
        return new CanonicalRecord(v.string("log_id"), (Instant) v.get("event_timestamp"), v.string("ip_address"),
                v.nullableString("device"), v.string("request_type"), v.integer("status_code"),
                v.nullableString("endpoint"), v.nullableString("message"), v.string("app_name"),
                LogType.fromPartitionValue(partition.get(0)), format(v.string("raw_format")), v.string("source_file"));
    }

    private static Map<String, Function<RejectRow, @Nullable Object>> rejects() {
        Map<String, Function<RejectRow, @Nullable Object>> values = new LinkedHashMap<>();
        values.put("process_date", RejectRow::processDate);
        values.put("source_file", RejectRow::sourceFile);
        values.put("raw_format", r -> r.rawFormat().folder());
        values.put("record_index", RejectRow::recordIndex);
        values.put("reason_code", r -> r.reasonCode().name());
        values.put("reason_detail", RejectRow::reasonDetail);
        values.put("raw_record", RejectRow::rawRecord);
        return values;
    }

    private static RejectRow rejectRow(RowMapping.ColumnValues v, List<String> partition) {
        return new RejectRow((LocalDate) v.get("process_date"), v.string("source_file"), format(v.string("raw_format")),
                v.bigint("record_index"), RejectReason.valueOf(v.string("reason_code")), v.string("reason_detail"),
                v.string("raw_record"));
    }

    private static Map<String, Function<DailyActivity, @Nullable Object>> dailyActivity() {
        Map<String, Function<DailyActivity, @Nullable Object>> values = new LinkedHashMap<>();
        values.put("total_requests", DailyActivity::totalRequests);
        values.put("error_count", DailyActivity::errorCount);
        values.put("client_error_count", DailyActivity::clientErrorCount);
        values.put("server_error_count", DailyActivity::serverErrorCount);
        values.put("unique_ips", DailyActivity::uniqueIps);
        values.put("requests_by_device", DailyActivity::requestsByDevice);
        values.put("requests_by_type", DailyActivity::requestsByType);
        values.put("requests_by_app", DailyActivity::requestsByApp);
        values.put("errors_by_code", DailyActivity::errorsByCode);
        values.put("duplicate_records", DailyActivity::duplicateRecords);
        values.put("rejected_records", DailyActivity::rejectedRecords);
        return values;
    }

    /** Partition value: date. */
    private static DailyActivity dailyActivityRow(RowMapping.ColumnValues v, List<String> partition) {
        return new DailyActivity(LocalDate.parse(partition.get(0)), v.bigint("total_requests"), v.bigint("error_count"),
                v.bigint("client_error_count"), v.bigint("server_error_count"), v.bigint("unique_ips"),
                counts(v.get("requests_by_device")), counts(v.get("requests_by_type")),
                counts(v.get("requests_by_app")), counts(v.get("errors_by_code")), v.bigint("duplicate_records"),
                v.bigint("rejected_records"));
    }

    private static LogFormat format(String folder) {
        return LogFormat.fromFolder(folder).orElseThrow(() -> new IllegalStateException("Unknown raw_format " + folder));
    }

    private static SortedMap<String, Long> counts(@Nullable Object value) {
        SortedMap<String, Long> map = new TreeMap<>();
        if (value != null) {
            ((Map<?, ?>) value).forEach((k, n) -> map.put(k.toString(), ((Number) n).longValue()));
        }
        return map;
    }
}
