package io.atlas.ports.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A query's columns and rows. Values are {@code null}, {@link String}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link java.math.BigDecimal}, {@link java.time.LocalDate}, {@link java.time.Instant} or a
 * {@link java.util.Map} of such values.
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
    public QueryResult {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        List<List<Object>> copied = new ArrayList<>();
        for (List<Object> row : requireNonNull(rows, "rows is null")) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("Row has " + row.size() + " values for " + columns.size() + " columns");
            }
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }
}
