package io.atlas.spark;

import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.catalog.RowMapping;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.jspecify.annotations.Nullable;

/**
 * The Parquet layout of what a normalize task writes itself (no Spark row, no second pass over the day): the columns
 * of a table's {@link RowMapping} in its order, every one optional, with the types Spark's own writer gives them
 * ({@code STRING} as UTF-8 binary, {@code DATE} as days, {@code TIMESTAMP} as UTC milliseconds), so the files read back
 * exactly as Spark-written ones. Only parquet-java APIs that Glue 5's parquet 1.13 has are used. Built on each
 * executor (not serialized).
 *
 * @param <R> the row type
 */
final class TaskParquet<R> {
    /** A column's name, type and value. */
    record Field<R>(String name, ColumnType type, Function<R, @Nullable Object> value) {}

    private final String name;
    private final List<Field<R>> fields;

    TaskParquet(String name, List<Field<R>> fields) {
        this.name = name;
        this.fields = List.copyOf(fields);
    }

    /** The columns of {@code mapping}'s table, each named {@code prefix + column}, valued through {@code row}. */
    static <R, T> List<Field<R>> fields(RowMapping<T> mapping, String prefix, Function<R, T> row) {
        List<Field<R>> fields = new ArrayList<>();
        List<Column> columns = mapping.table().columns();
        List<Function<T, @Nullable Object>> values = mapping.valuesInColumnOrder();
        for (int i = 0; i < columns.size(); i++) {
            Function<T, @Nullable Object> value = values.get(i);
            fields.add(new Field<>(prefix + columns.get(i).name(), columns.get(i).type(), r -> value.apply(row.apply(r))));
        }
        return fields;
    }

    MessageType schema() {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Field<R> field : fields) {
            message.addField(type(field));
        }
        return message.named(name);
    }

    private static Type type(Field<?> field) {
        return switch (field.type()) {
            case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(field.name());
            case INT -> Types.optional(PrimitiveTypeName.INT32).named(field.name());
            case BIGINT -> Types.optional(PrimitiveTypeName.INT64).named(field.name());
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(field.name());
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(field.name());
            case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(field.name());
            case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MILLIS)).named(field.name());
            case MAP_STRING_BIGINT -> throw new IllegalArgumentException("A normalize task writes no map column: " + field.name());
        };
    }

    WriteSupport<R> writeSupport() {
        MessageType schema = schema();
        return new WriteSupport<>() {
            private RecordConsumer consumer;

            @Override
            public WriteContext init(Configuration configuration) {
                return new WriteContext(schema, new HashMap<>());
            }

            @Override
            public void prepareForWrite(RecordConsumer recordConsumer) {
                consumer = recordConsumer;
            }

            @Override
            public void write(R row) {
                consumer.startMessage();
                for (int i = 0; i < fields.size(); i++) {
                    Field<R> field = fields.get(i);
                    Object value = field.value().apply(row);
                    if (value != null) {
                        consumer.startField(field.name(), i);
                        add(consumer, field.type(), value);
                        consumer.endField(field.name(), i);
                    }
                }
                consumer.endMessage();
            }
        };
    }

    private static void add(RecordConsumer consumer, ColumnType type, Object value) {
        switch (type) {
            case STRING -> consumer.addBinary(Binary.fromString((String) value));
            case INT -> consumer.addInteger((Integer) value);
            case BIGINT -> consumer.addLong((Long) value);
            case DOUBLE -> consumer.addDouble((Double) value);
            case BOOLEAN -> consumer.addBoolean((Boolean) value);
            case DATE -> consumer.addInteger((int) ((LocalDate) value).toEpochDay());
            case TIMESTAMP -> consumer.addLong(((Instant) value).toEpochMilli());
            case MAP_STRING_BIGINT -> throw new IllegalArgumentException("A normalize task writes no map column");
        }
    }
}
