package io.atlas.local.dataset;

import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.RowMapping;
import io.atlas.domain.catalog.TableRows;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.ports.dataset.Dataset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.io.api.RecordConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The Parquet codecs of the three tables, derived from the domain's {@link RowMapping}s: the Avro schema (and from
 * it the Parquet schema) follows the table definition's columns, and rows are written and read column by column by
 * name. Partition columns are not stored in the files, only in the path.
 */
final class RowCodecs {
    private RowCodecs() {}

    /**
     * Text columns that are unique per event ({@code log_id}) or nearly so ({@code raw_record}): written without a
     * dictionary, whose lookups would cost per value and buy nothing, and not through {@link TextBinaries}' caches
     * ({@code log_id} goes over its reused bytes, {@link TextBinaries#unique}).
     */
    static final java.util.Set<String> UNIQUE_TEXT_COLUMNS = java.util.Set.of("log_id", "raw_record");

    private static final RowCodec<?> LOGS = new LogsCodec(new MappedCodec<>(TableRows.LOGS));
    private static final RowCodec<?> REJECTS = of(TableRows.REJECTS);
    private static final RowCodec<?> DAILY_ACTIVITY = of(TableRows.DAILY_ACTIVITY);

    @SuppressWarnings("unchecked")
    static <R> RowCodec<R> forDataset(Dataset<R> dataset) {
        if (dataset.equals(Dataset.LOGS)) {
            return (RowCodec<R>) LOGS;
        }
        if (dataset.equals(Dataset.REJECTS)) {
            return (RowCodec<R>) REJECTS;
        }
        if (dataset.equals(Dataset.DAILY_ACTIVITY)) {
            return (RowCodec<R>) DAILY_ACTIVITY;
        }
        throw new IllegalArgumentException("No codec for dataset " + dataset);
    }

    /** The codec of any row mapping. */
    static <R> RowCodec<R> of(RowMapping<R> mapping) {
        return new MappedCodec<>(mapping);
    }

    /** The Avro schema of a mapping's table: one field per data column, optional where the column is nullable. */
    static Schema avroSchema(RowMapping<?> mapping) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(mapping.table().name())
                .namespace("io.atlas").fields();
        for (Column column : mapping.table().columns()) {
            Schema type = avroType(column);
            if (mapping.nullable(column)) {
                fields = fields.name(column.name()).type(Schema.createUnion(Schema.create(Schema.Type.NULL), type))
                        .withDefault(null);
            } else {
                fields = fields.name(column.name()).type(type).noDefault();
            }
        }
        return fields.endRecord();
    }

    private static Schema avroType(Column column) {
        return switch (column.type()) {
            case STRING -> Schema.create(Schema.Type.STRING);
            case INT -> Schema.create(Schema.Type.INT);
            case BIGINT -> Schema.create(Schema.Type.LONG);
            case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            case TIMESTAMP -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
            case MAP_STRING_BIGINT -> Schema.createMap(Schema.create(Schema.Type.LONG));
        };
    }

    static final class MappedCodec<R> implements RowCodec<R> {
        private final RowMapping<R> mapping;
        private final Schema schema;
        private final Column[] columns;
        private final List<Function<R, @Nullable Object>> values;
        private final boolean[] repeatingText;

        MappedCodec(RowMapping<R> mapping) {
            this.mapping = mapping;
            this.schema = avroSchema(mapping);
            this.columns = mapping.table().columns().toArray(Column[]::new);
            this.values = mapping.valuesInColumnOrder();
            this.repeatingText = new boolean[columns.length];
            for (int i = 0; i < columns.length; i++) {
                repeatingText[i] = columns[i].type() == io.atlas.domain.catalog.ColumnType.STRING && !UNIQUE_TEXT_COLUMNS.contains(columns[i].name());
            }
        }

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public void write(R row, RecordConsumer consumer, TextBinaries texts) {
            for (int i = 0; i < columns.length; i++) {
                Object value = values.get(i).apply(row);
                if (value == null) {
                    if (!mapping.nullable(columns[i])) {
                        throw new IllegalArgumentException("Cannot write " + mapping.table().name() + ": "
                                + columns[i].name() + " is null");
                    }
                    continue;
                }
                consumer.startField(columns[i].name(), i);
                if (repeatingText[i]) {
                    consumer.addBinary(texts.of(i, (String) value));
                } else {
                    writeValue(consumer, columns[i], value);
                }
                consumer.endField(columns[i].name(), i);
            }
        }

        @Override
        public R decode(GenericRecord record, List<String> partition) {
            return mapping.row(name -> {
                Schema.Field field = record.getSchema().getField(name);
                if (field == null) {
                    return null; // a column added after this file was written
                }
                Object value = record.get(field.pos());
                return value == null ? null : readValue(mapping.table().column(name).orElseThrow(), value);
            }, partition);
        }
    }

    /**
     * The logs table's codec: the mapped codec's schema and decoding, but rows written field by field from the
     * record (normalize's hot path: no value function per column through one call site, no boxed status or
     * timestamp). It writes what the mapped codec writes, in the same order ({@code RowCodecsTest}); a change of the
     * table's columns fails its construction until this method follows.
     */
    static final class LogsCodec implements RowCodec<CanonicalRecord> {
        private static final List<String> COLUMNS = List.of("log_id", "event_timestamp", "ip_address", "device",
                "request_type", "status_code", "endpoint", "message", "app_name", "raw_format", "source_file");

        private final MappedCodec<CanonicalRecord> mapped;

        LogsCodec(MappedCodec<CanonicalRecord> mapped) {
            List<String> columns = mapped.mapping.table().columns().stream().map(Column::name).toList();
            if (!columns.equals(COLUMNS)) {
                throw new IllegalStateException("The logs codec writes " + COLUMNS + " but the table has " + columns);
            }
            this.mapped = mapped;
        }

        @Override
        public Schema schema() {
            return mapped.schema();
        }

        @Override
        public void write(CanonicalRecord row, RecordConsumer consumer, TextBinaries texts) {
            consumer.startField("log_id", 0);
            consumer.addBinary(texts.unique(row.logId()));
            consumer.endField("log_id", 0);
            consumer.startField("event_timestamp", 1);
            consumer.addLong(row.eventTimestamp().toEpochMilli());
            consumer.endField("event_timestamp", 1);
            text(consumer, texts, "ip_address", 2, row.ipAddress());
            text(consumer, texts, "device", 3, row.device());
            text(consumer, texts, "request_type", 4, row.requestType());
            consumer.startField("status_code", 5);
            consumer.addInteger(row.statusCode());
            consumer.endField("status_code", 5);
            text(consumer, texts, "endpoint", 6, row.endpoint());
            text(consumer, texts, "message", 7, row.message());
            text(consumer, texts, "app_name", 8, row.appName());
            text(consumer, texts, "raw_format", 9, row.rawFormat().folder());
            text(consumer, texts, "source_file", 10, row.sourceFile());
        }

        /** A dictionary text column; null (only the nullable columns can be: the record checks the others) is no value. */
        private static void text(RecordConsumer consumer, TextBinaries texts, String column, int index, @Nullable String value) {
            if (value == null) {
                return;
            }
            consumer.startField(column, index);
            consumer.addBinary(texts.of(index, value));
            consumer.endField(column, index);
        }

        @Override
        public CanonicalRecord decode(GenericRecord record, List<String> partition) {
            return mapped.decode(record, partition);
        }
    }

    private static void writeValue(RecordConsumer consumer, Column column, Object value) {
        switch (column.type()) {
            case STRING -> consumer.addBinary(TextBinaries.encode((String) value));
            case INT -> consumer.addInteger((Integer) value);
            case BIGINT -> consumer.addLong((Long) value);
            case DOUBLE -> consumer.addDouble((Double) value);
            case BOOLEAN -> consumer.addBoolean((Boolean) value);
            case DATE -> consumer.addInteger((int) ((LocalDate) value).toEpochDay());
            case TIMESTAMP -> consumer.addLong(((Instant) value).toEpochMilli());
            case MAP_STRING_BIGINT -> writeMap(consumer, (Map<?, ?>) value);
        }
    }

    private static void writeMap(RecordConsumer consumer, Map<?, ?> map) {
        consumer.startGroup();
        if (!map.isEmpty()) {
            consumer.startField("key_value", 0);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                consumer.startGroup();
                consumer.startField("key", 0);
                consumer.addBinary(TextBinaries.encode(entry.getKey().toString()));
                consumer.endField("key", 0);
                consumer.startField("value", 1);
                consumer.addLong(((Number) entry.getValue()).longValue());
                consumer.endField("value", 1);
                consumer.endGroup();
            }
            consumer.endField("key_value", 0);
        }
        consumer.endGroup();
    }

    private static Object readValue(Column column, Object value) {
        return switch (column.type()) {
            case STRING -> value.toString();
            case INT, BIGINT, DOUBLE, BOOLEAN, MAP_STRING_BIGINT -> value;
            case DATE -> LocalDate.ofEpochDay((Integer) value);
            case TIMESTAMP -> Instant.ofEpochMilli((Long) value);
        };
    }
}
