package io.atlas.domain.catalog;

import static io.atlas.domain.catalog.Column.of;
import static io.atlas.domain.catalog.ColumnType.BIGINT;
import static io.atlas.domain.catalog.ColumnType.DATE;
import static io.atlas.domain.catalog.ColumnType.INT;
import static io.atlas.domain.catalog.ColumnType.MAP_STRING_BIGINT;
import static io.atlas.domain.catalog.ColumnType.STRING;
import static io.atlas.domain.catalog.ColumnType.TIMESTAMP;

import io.atlas.domain.lake.LakeLayout;
import java.util.List;

/** The catalog of SPEC §5: database {@code log_analytics_db} and its three tables with their declared schemas. */
public final class AtlasTables {
    public static final String DATABASE = "log_analytics_db";

    /** {@code processed/logs}, partitioned by log_type, year, month, day (int). */
    public static final TableDefinition LOGS = new TableDefinition("logs", LakeLayout.PROCESSED_LOGS,
            List.of(of("log_id", STRING), of("event_timestamp", TIMESTAMP), of("ip_address", STRING),
                    of("device", STRING), of("request_type", STRING), of("status_code", INT), of("endpoint", STRING),
                    of("message", STRING), of("app_name", STRING), of("raw_format", STRING),
                    of("source_file", STRING)),
            List.of(of("log_type", STRING), of("year", INT), of("month", INT), of("day", INT)));

    /** {@code analytics/daily_activity}, partitioned by date (date). */
    public static final TableDefinition DAILY_ACTIVITY = new TableDefinition("daily_activity", LakeLayout.DAILY_ACTIVITY,
            List.of(of("total_requests", BIGINT), of("error_count", BIGINT), of("client_error_count", BIGINT),
                    of("server_error_count", BIGINT), of("unique_ips", BIGINT),
                    of("requests_by_device", MAP_STRING_BIGINT), of("requests_by_type", MAP_STRING_BIGINT),
                    of("requests_by_app", MAP_STRING_BIGINT), of("errors_by_code", MAP_STRING_BIGINT),
                    of("duplicate_records", BIGINT), of("rejected_records", BIGINT)),
            List.of(of("date", DATE)));

    /** {@code rejected/data_quality}, partitioned by year, month, day (int) of the process date. */
    public static final TableDefinition DATA_QUALITY_REJECTS = new TableDefinition("data_quality_rejects",
            LakeLayout.DATA_QUALITY_REJECTS,
            List.of(of("process_date", DATE), of("source_file", STRING), of("raw_format", STRING),
                    of("record_index", BIGINT), of("reason_code", STRING), of("reason_detail", STRING),
                    of("raw_record", STRING)),
            List.of(of("year", INT), of("month", INT), of("day", INT)));

    public static final List<TableDefinition> ALL = List.of(LOGS, DAILY_ACTIVITY, DATA_QUALITY_REJECTS);

    private AtlasTables() {}
}
