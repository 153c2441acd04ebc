package io.atlas.domain.catalog;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A catalog table: its data columns (as stored in the Parquet files), its partition keys (carried by the path
 * only, {@code key=value/...}) and the lake prefix it lives under.
 */
public record TableDefinition(String name, String location, List<Column> columns, List<Column> partitionKeys) {
    public TableDefinition {
        requireNonNull(name, "name is null");
        requireNonNull(location, "location is null");
        columns = List.copyOf(columns);
        partitionKeys = List.copyOf(partitionKeys);
        if (!location.endsWith("/")) {
            throw new IllegalArgumentException("Table location must end with '/': " + location);
        }
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Duplicate column " + column.name() + " in table " + name);
            }
        }
        for (Column key : partitionKeys) {
            if (!names.add(key.name())) {
                throw new IllegalArgumentException("Partition key " + key.name() + " repeats a column in table " + name);
            }
        }
    }

    public TableDefinition withColumns(List<Column> newColumns) {
        return new TableDefinition(name, location, newColumns, partitionKeys);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The relative path of a partition: {@code k1=v1/k2=v2/}. */
    public String partitionPath(List<String> values) {
        if (values.size() != partitionKeys.size()) {
            throw new IllegalArgumentException("Table " + name + " has " + partitionKeys.size()
                    + " partition keys, got values " + values);
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            path.append(partitionKeys.get(i).name()).append('=').append(values.get(i)).append('/');
        }
        return path.toString();
    }

    /**
     * The partition values of a key below this table's location, if its path has exactly the partition keys in
     * order ({@code k1=v1/.../file}).
     */
    public Optional<List<String>> partitionValuesOf(String key) {
        if (!key.startsWith(location)) {
            return Optional.empty();
        }
        String[] segments = key.substring(location.length()).split("/", -1);
        if (segments.length != partitionKeys.size() + 1) {
            return Optional.empty();
        }
        String[] values = new String[partitionKeys.size()];
        for (int i = 0; i < partitionKeys.size(); i++) {
            String prefix = partitionKeys.get(i).name() + "=";
            if (!segments[i].startsWith(prefix) || segments[i].length() == prefix.length()) {
                return Optional.empty();
            }
            values[i] = segments[i].substring(prefix.length());
        }
        return Optional.of(List.of(values));
    }
}
