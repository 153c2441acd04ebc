package io.atlas.local.query;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.catalog.AtlasTables;
import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.catalog.TableDefinition;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.catalog.CatalogPartition;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.query.QueryEngine;
import io.atlas.ports.query.QueryException;
import io.atlas.ports.query.QueryResult;
import io.atlas.ports.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * SQL over the catalog with an embedded DuckDB: each catalog table of {@code log_analytics_db} becomes a view over
 * the committed Parquet files of its registered partitions, with the partition columns read from the paths
 * ({@code key=value}) and typed as the catalog declares them. So {@code log_analytics_db.logs} and
 * {@code log_analytics_db.daily_activity} answer the origin's Athena queries unchanged. Partitions of a lake that is
 * not on this disk are downloaded to a temporary folder for the query.
 */
public final class DuckDbQueryEngine implements QueryEngine {
    private final Catalog catalog;
    private final DatasetStore datasets;
    private final ObjectStore store;

    public DuckDbQueryEngine(Catalog catalog, DatasetStore datasets, ObjectStore store) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public QueryResult execute(String sql) {
        Path downloads = null;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("CREATE SCHEMA " + AtlasTables.DATABASE);
            for (TableDefinition table : AtlasTables.ALL) {
                Optional<TableDefinition> registered = catalog.table(AtlasTables.DATABASE, table.name());
                if (registered.isEmpty()) {
                    continue;
                }
                List<String> files = new ArrayList<>();
                for (ObjectKey file : committedFiles(registered.get())) {
                    Optional<Path> local = store.localFiles().flatMap(lakeFiles -> lakeFiles.localPath(file));
                    if (local.isPresent()) {
                        files.add(local.get().toString());
                    } else {
                        if (downloads == null) {
                            downloads = Files.createTempDirectory("atlas-query-");
                        }
                        files.add(download(file, downloads).toString());
                    }
                }
                statement.execute(viewSql(registered.get(), files));
            }
            try (ResultSet rows = statement.executeQuery(sql)) {
                return result(rows);
            }
        } catch (SQLException e) {
            throw new QueryException(category(e), "Cannot run query: " + (e.getMessage() == null ? "unknown error" : e.getMessage().strip()), e);
        } catch (IOException e) {
            throw new QueryException(ErrorCategory.TRANSIENT, "Cannot run query: " + e.getMessage(), e);
        } finally {
            deleteTree(downloads);
        }
    }

    /** The committed files of the partitions the catalog has registered (and only those). */
    private List<ObjectKey> committedFiles(TableDefinition table) {
        Optional<Dataset<?>> dataset = Dataset.ALL.stream().filter(d -> d.name().equals(table.name())).findFirst();
        if (dataset.isEmpty()) {
            return List.of();
        }
        List<ObjectKey> files = new ArrayList<>();
        for (CatalogPartition partition : catalog.partitions(AtlasTables.DATABASE, table.name())) {
            datasets.partition(dataset.get(), partition.values()).map(PartitionInfo::files).ifPresent(files::addAll);
        }
        return files;
    }

    /** Copies a lake file below {@code directory}, keeping its key as the path so partition values stay readable. */
    private Path download(ObjectKey key, Path directory) throws IOException {
        Path target = directory.resolve(key.value());
        Files.createDirectories(target.getParent());
        try (InputStream in = store.open(key)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    static String viewSql(TableDefinition table, List<String> files) {
        String name = AtlasTables.DATABASE + "." + table.name();
        if (files.isEmpty()) {
            String columns = java.util.stream.Stream.concat(table.columns().stream(), table.partitionKeys().stream())
                    .map(c -> "CAST(NULL AS " + duckType(c.type()) + ") AS " + quote(c.name()))
                    .collect(Collectors.joining(", "));
            return "CREATE VIEW " + name + " AS SELECT " + columns + " WHERE false";
        }
        String fileList = files.stream().sorted().map(DuckDbQueryEngine::literal).collect(Collectors.joining(", ", "[", "]"));
        String hiveTypes = table.partitionKeys().stream()
                .map(c -> literal(c.name()) + ": " + literal(duckType(c.type())))
                .collect(Collectors.joining(", ", "{", "}"));
        String columns = java.util.stream.Stream.concat(table.columns().stream(), table.partitionKeys().stream())
                .map(c -> quote(c.name()))
                .collect(Collectors.joining(", "));
        return "CREATE VIEW " + name + " AS SELECT " + columns + " FROM read_parquet(" + fileList
                + ", hive_partitioning = true, hive_types = " + hiveTypes + ", union_by_name = true)";
    }

    static String duckType(ColumnType type) {
        return switch (type) {
            case STRING -> "VARCHAR";
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMPTZ";
            case MAP_STRING_BIGINT -> "MAP(VARCHAR, BIGINT)";
        };
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static QueryResult result(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<Object>> values = new ArrayList<>();
        while (rows.next()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                row.add(value(rows.getObject(i)));
            }
            values.add(row);
        }
        return new QueryResult(columns, values);
    }

    /** Normalises JDBC values to the types {@link QueryResult} documents. */
    static Object value(Object value) {
        if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                || value instanceof Boolean || value instanceof LocalDate || value instanceof Instant) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
        }
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> converted = new LinkedHashMap<>();
            map.entrySet().stream()
                    .sorted(Comparator.comparing(e -> String.valueOf(e.getKey())))
                    .forEach(e -> converted.put(value(e.getKey()), value(e.getValue())));
            return converted;
        }
        if (value instanceof java.sql.Array array) {
            try {
                List<Object> list = new ArrayList<>();
                for (Object element : (Object[]) array.getArray()) {
                    list.add(value(element));
                }
                return list;
            } catch (SQLException e) {
                return value.toString();
            }
        }
        return value.toString();
    }

    private static ErrorCategory category(SQLException e) {
        String message = String.valueOf(e.getMessage());
        for (String kind : new String[] {"Parser Error", "Catalog Error", "Binder Error", "Conversion Error",
                "Invalid Input Error", "Not implemented Error", "Syntax Error"}) {
            if (message.contains(kind)) {
                return ErrorCategory.USER_ERROR;
            }
        }
        return ErrorCategory.INTERNAL;
    }

    private static void deleteTree(Path directory) {
        if (directory == null) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary downloads are in the system temp folder; the OS cleans what we could not
        }
    }
}
