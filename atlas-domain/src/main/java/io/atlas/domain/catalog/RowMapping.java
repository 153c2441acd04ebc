package io.atlas.domain.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How rows of one Java type map to a table's data columns, by column name: the one place where a column's value is
 * taken from a domain row and a domain row is built from column values. Every storage format (Parquet through Avro,
 * Spark rows) derives its schema from {@link #table()} and {@link #nullable}, and writes and reads columns through
 * this mapping, so adding a column means adding it to the {@link TableDefinition} and here, nowhere else.
 *
 * <p>Values are Java objects by {@link ColumnType}: {@code STRING} a {@link String}, {@code INT} an {@link Integer},
 * {@code BIGINT} a {@link Long}, {@code DOUBLE} a {@link Double}, {@code BOOLEAN} a {@link Boolean}, {@code DATE} a
 * {@link java.time.LocalDate}, {@code TIMESTAMP} an {@link java.time.Instant} (millisecond precision) and
 * {@code MAP_STRING_BIGINT} a {@code Map<String, Long>}; a nullable column's value may be {@code null}.
 */
public final class RowMapping<R> {
    private final TableDefinition table;
    private final Map<String, Function<R, @Nullable Object>> values;
    private final Set<String> nullable;
    private final RowFactory<R> factory;

    /** Builds a domain row from its data column values and its partition values. */
    @FunctionalInterface
    public interface RowFactory<R> {
        R create(ColumnValues values, List<String> partition);
    }

    /** The data column values of one stored row, by column name. */
    @FunctionalInterface
    public interface ColumnValues {
        /** The value of {@code column}, typed as {@link RowMapping} says; null when absent or null. */
        @Nullable Object get(String column);

        default String string(String column) {
            return requireNonNull((String) get(column), () -> column + " is null");
        }

        default @Nullable String nullableString(String column) {
            return (String) get(column);
        }

        default long bigint(String column) {
            return requireNonNull((Long) get(column), () -> column + " is null");
        }

        default int integer(String column) {
            return requireNonNull((Integer) get(column), () -> column + " is null");
        }
    }

    /**
     * @param values each data column's value in a row, by column name: exactly the table's columns
     * @param nullable the columns whose value may be null
     */
    public RowMapping(TableDefinition table, Map<String, Function<R, @Nullable Object>> values, Set<String> nullable,
            RowFactory<R> factory) {
        this.table = requireNonNull(table, "table is null");
        this.values = Map.copyOf(values);
        this.nullable = Set.copyOf(nullable);
        this.factory = requireNonNull(factory, "factory is null");
        Set<String> names = new HashSet<>();
        table.columns().forEach(column -> names.add(column.name()));
        if (!names.equals(this.values.keySet())) {
            throw new IllegalArgumentException("Table " + table.name() + " has columns " + names
                    + " but its row mapping maps " + this.values.keySet());
        }
        if (!names.containsAll(this.nullable)) {
            throw new IllegalArgumentException("Nullable columns " + this.nullable + " are not all columns of " + table.name());
        }
    }

    public TableDefinition table() {
        return table;
    }

    /** Whether a row may hold null in {@code column}. */
    public boolean nullable(Column column) {
        return nullable.contains(column.name());
    }

    /** The value readers of the table's data columns, in column order. */
    public List<Function<R, @Nullable Object>> valuesInColumnOrder() {
        List<Function<R, @Nullable Object>> ordered = new ArrayList<>();
        table.columns().forEach(column -> ordered.add(values.get(column.name())));
        return ordered;
    }

    /** The value of one data column in {@code row}. */
    public @Nullable Object value(R row, String column) {
        Function<R, @Nullable Object> value = values.get(column);
        if (value == null) {
            throw new IllegalArgumentException("Table " + table.name() + " has no column " + column);
        }
        return value.apply(row);
    }

    /** The domain row of stored column values. */
    public R row(ColumnValues columnValues, List<String> partition) {
        return factory.create(columnValues, partition);
    }

    /** A copy with one more data column appended (schema evolution, and tests of what derives from a mapping). */
    public RowMapping<R> withColumn(Column column, boolean isNullable, Function<R, @Nullable Object> value) {
        List<Column> columns = new ArrayList<>(table.columns());
        columns.add(column);
        Map<String, Function<R, @Nullable Object>> more = new LinkedHashMap<>(values);
        more.put(column.name(), value);
        Set<String> moreNullable = new HashSet<>(nullable);
        if (isNullable) {
            moreNullable.add(column.name());
        }
        return new RowMapping<>(table.withColumns(columns), more, moreNullable, factory);
    }
}
