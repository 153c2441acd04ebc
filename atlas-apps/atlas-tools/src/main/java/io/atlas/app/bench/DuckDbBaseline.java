package io.atlas.app.bench;

import io.atlas.domain.lake.LogFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The in-run baseline: the same jobs done by DuckDB through its JDBC driver. Normalize reads the NDJSON, derives the
 * canonical columns (with a SHA-256 {@code log_id}, as Atlas does) and writes zstd Parquet; aggregate computes the
 * exact daily row (distinct by {@code log_id}) over Atlas's processed Parquet files.
 */
final class DuckDbBaseline {
    private final int threads;

    DuckDbBaseline(int threads) {
        this.threads = threads;
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads TO " + threads);
            statement.execute("SET TimeZone = 'UTC'");
        }
        return connection;
    }

    /** Returns the number of rows written. */
    long normalize(Path ndjson, Path output) throws SQLException {
        return normalize(List.of(ndjson), LogFormat.NDJSON, output);
    }

    /** Normalizes NDJSON or gzip'd JSON-array files into one Parquet file; returns the number of rows written. */
    long normalize(List<Path> inputs, LogFormat format, Path output) throws SQLException {
        if (format == LogFormat.XML_ERRORS) {
            throw new IllegalArgumentException("DuckDB reads no XML: the xml-heavy workload has no DuckDB peer");
        }
        String app = format == LogFormat.NDJSON ? "'web_app_1'" : "'api_service'";
        String source = inputs.size() == 1 ? literal(inputs.get(0).toString())
                : inputs.stream().map(p -> literal(p.toString())).collect(Collectors.joining(", ", "[", "]"));
        String reader = format == LogFormat.NDJSON ? "format = 'newline_delimited'" : "format = 'array', compression = 'gzip'";
        String sql = "COPY (SELECT sha256(concat_ws(chr(31), 'access', epoch_ms(ts)::VARCHAR, ip, coalesce(user_agent, chr(0)), "
                + "upper(request_type), status::VARCHAR, coalesce(endpoint, chr(0)), chr(0), " + app + ")) AS log_id, "
                + "ts AS event_timestamp, ip AS ip_address, user_agent AS device, upper(request_type) AS request_type, "
                + "status AS status_code, endpoint, NULL::VARCHAR AS message, " + app + " AS app_name, '" + format.name().toLowerCase(java.util.Locale.ROOT)
                + "' AS raw_format, "
                + "filename AS source_file FROM (SELECT *, CAST(\"timestamp\" AS TIMESTAMPTZ) AS ts FROM read_json(" + source
                + ", " + reader + ", filename = true, columns = {\"timestamp\": 'VARCHAR', ip: 'VARCHAR', user_agent: 'VARCHAR', "
                + "request_type: 'VARCHAR', status: 'INTEGER', endpoint: 'VARCHAR'}))) TO " + literal(output.toString())
                + " (FORMAT PARQUET, COMPRESSION ZSTD)";
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            return statement.executeLargeUpdate(sql);
        }
    }

    /** The exact daily aggregate over processed files; returns distinct events. */
    long aggregate(List<Path> processedFiles) throws SQLException {
        String files = processedFiles.stream().map(p -> literal(p.toString())).collect(Collectors.joining(", ", "[", "]"));
        String sql = "WITH events AS (SELECT log_id, any_value(status_code) AS status_code, any_value(ip_address) AS ip_address, "
                + "any_value(device) AS device, any_value(request_type) AS request_type, any_value(app_name) AS app_name, "
                + "count(*) AS occurrences FROM read_parquet(" + files + ") GROUP BY log_id) "
                + "SELECT count(*) AS total_requests, count(*) FILTER (WHERE status_code BETWEEN 400 AND 499) AS client_errors, "
                + "count(*) FILTER (WHERE status_code BETWEEN 500 AND 599) AS server_errors, "
                + "count(DISTINCT ip_address) AS unique_ips, histogram(device) AS by_device, histogram(request_type) AS by_type, "
                + "histogram(app_name) AS by_app, sum(occurrences) - count(*) AS duplicates FROM events";
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
