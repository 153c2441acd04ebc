package io.atlas.local.dataset;

import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/** Infers catalog columns from a Parquet footer, whoever wrote the file (parquet-avro, Spark, DuckDB). */
public final class ParquetSchemas {
    private ParquetSchemas() {}

    public static List<Column> columns(MessageType schema) {
        List<Column> columns = new ArrayList<>();
        for (Type field : schema.getFields()) {
            columns.add(Column.of(field.getName(), type(field)));
        }
        return columns;
    }

    static ColumnType type(Type field) {
        LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
        if (!field.isPrimitive()) {
            if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation && isStringToLongMap(field.asGroupType())) {
                return ColumnType.MAP_STRING_BIGINT;
            }
            throw new IllegalArgumentException("Cannot infer a type for column " + field.getName() + ": unsupported group " + field);
        }
        PrimitiveType primitive = field.asPrimitiveType();
        switch (primitive.getPrimitiveTypeName()) {
            case BINARY:
                if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                        || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation) {
                    return ColumnType.STRING;
                }
                break;
            case INT32:
                if (logical == null || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation) {
                    return ColumnType.INT;
                }
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    return ColumnType.DATE;
                }
                break;
            case INT64:
                if (logical == null || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation) {
                    return ColumnType.BIGINT;
                }
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
                    return ColumnType.TIMESTAMP;
                }
                break;
            case INT96:
                return ColumnType.TIMESTAMP;
            case DOUBLE:
                return ColumnType.DOUBLE;
            case BOOLEAN:
                return ColumnType.BOOLEAN;
            default:
                break;
        }
        throw new IllegalArgumentException("Cannot infer a type for column " + field.getName() + ": unsupported " + primitive);
    }

    private static boolean isStringToLongMap(GroupType map) {
        if (map.getFieldCount() != 1 || map.getType(0).isPrimitive()) {
            return false;
        }
        GroupType entry = map.getType(0).asGroupType();
        if (entry.getFieldCount() != 2) {
            return false;
        }
        try {
            return type(entry.getType(0)) == ColumnType.STRING && type(entry.getType(1)) == ColumnType.BIGINT;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
