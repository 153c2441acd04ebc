package io.atlas.domain.catalog;

import java.util.Optional;

/** Column types of the Atlas tables, named as Hive / the Glue Data Catalog / Athena name them. */
public enum ColumnType {
    STRING("string"),
    INT("int"),
    BIGINT("bigint"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamp"),
    MAP_STRING_BIGINT("map<string,bigint>");

    private final String hiveName;

    ColumnType(String hiveName) {
        this.hiveName = hiveName;
    }

    public String hiveName() {
        return hiveName;
    }

    public static Optional<ColumnType> fromHiveName(String name) {
        String normalized = name.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        for (ColumnType type : values()) {
            if (type.hiveName.equals(normalized)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
