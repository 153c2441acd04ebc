package io.atlas.domain.catalog;

import static java.util.Objects.requireNonNull;

/** A named, typed column. */
public record Column(String name, ColumnType type) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Invalid column name '" + name + "': use lower-case letters, digits and '_'");
        }
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, type);
    }
}
