package io.atlas.local.dataset;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.RejectReason;
import io.atlas.ports.dataset.Dataset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** The Parquet (Avro) schemas of the three tables, in the column order of {@link io.atlas.domain.catalog.AtlasTables}. */
final class RowCodecs {
    private RowCodecs() {}

    @SuppressWarnings("unchecked")
    static <R> RowCodec<R> forDataset(Dataset<R> dataset) {
        if (dataset == Dataset.LOGS) {
            return (RowCodec<R>) LOGS;
        }
        if (dataset == Dataset.REJECTS) {
            return (RowCodec<R>) REJECTS;
        }
        if (dataset == Dataset.DAILY_ACTIVITY) {
            return (RowCodec<R>) DAILY_ACTIVITY;
        }
        throw new IllegalArgumentException("No codec for dataset " + dataset);
    }

    private static Schema timestampMillis() {
        return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
    }

    private static Schema date() {
        return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
    }

    private static void field(RecordConsumer consumer, String name, int index, String value) {
        if (value != null) {
            consumer.startField(name, index);
            // An array-backed Binary: the dictionary writers hash and compare it much faster than fromString's
            // ByteBuffer-backed one.
            consumer.addBinary(Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8)));
            consumer.endField(name, index);
        }
    }

    private static void field(RecordConsumer consumer, String name, int index, long value) {
        consumer.startField(name, index);
        consumer.addLong(value);
        consumer.endField(name, index);
    }

    private static void field(RecordConsumer consumer, String name, int index, int value) {
        consumer.startField(name, index);
        consumer.addInteger(value);
        consumer.endField(name, index);
    }

    private static void mapField(RecordConsumer consumer, String name, int index, Map<String, Long> map) {
        consumer.startField(name, index);
        consumer.startGroup();
        if (!map.isEmpty()) {
            consumer.startField("key_value", 0);
            for (Map.Entry<String, Long> entry : map.entrySet()) {
                consumer.startGroup();
                field(consumer, "key", 0, entry.getKey());
                field(consumer, "value", 1, (long) entry.getValue());
                consumer.endGroup();
            }
            consumer.endField("key_value", 0);
        }
        consumer.endGroup();
        consumer.endField(name, index);
    }

    private static String string(Object value) {
        return value.toString();
    }

    private static String nullableString(Object value) {
        return value == null ? null : value.toString();
    }

    static final RowCodec<CanonicalRecord> LOGS = new RowCodec<>() {
        private final Schema schema = SchemaBuilder.record("logs").namespace("io.atlas").fields()
                .requiredString("log_id")
                .name("event_timestamp").type(timestampMillis()).noDefault()
                .requiredString("ip_address")
                .optionalString("device")
                .requiredString("request_type")
                .requiredInt("status_code")
                .optionalString("endpoint")
                .optionalString("message")
                .requiredString("app_name")
                .requiredString("raw_format")
                .requiredString("source_file")
                .endRecord();

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public void write(CanonicalRecord row, RecordConsumer c) {
            field(c, "log_id", 0, row.logId());
            field(c, "event_timestamp", 1, row.eventTimestamp().toEpochMilli());
            field(c, "ip_address", 2, row.ipAddress());
            field(c, "device", 3, row.device());
            field(c, "request_type", 4, row.requestType());
            field(c, "status_code", 5, row.statusCode());
            field(c, "endpoint", 6, row.endpoint());
            field(c, "message", 7, row.message());
            field(c, "app_name", 8, row.appName());
            field(c, "raw_format", 9, row.rawFormat().folder());
            field(c, "source_file", 10, row.sourceFile());
        }

        @Override
        public CanonicalRecord decode(GenericRecord r, List<String> partition) {
            LogType logType = LogType.valueOf(partition.get(0).toUpperCase(java.util.Locale.ROOT));
            LogFormat format = LogFormat.fromFolder(string(r.get(9)))
                    .orElseThrow(() -> new IllegalStateException("Unknown raw_format " + r.get(9)));
            return new CanonicalRecord(string(r.get(0)), Instant.ofEpochMilli((Long) r.get(1)), string(r.get(2)),
                    nullableString(r.get(3)), string(r.get(4)), (Integer) r.get(5), nullableString(r.get(6)),
                    nullableString(r.get(7)), string(r.get(8)), logType, format, string(r.get(10)));
        }
    };

    static final RowCodec<RejectRow> REJECTS = new RowCodec<>() {
        private final Schema schema = SchemaBuilder.record("data_quality_rejects").namespace("io.atlas").fields()
                .name("process_date").type(date()).noDefault()
                .requiredString("source_file")
                .requiredString("raw_format")
                .requiredLong("record_index")
                .requiredString("reason_code")
                .requiredString("reason_detail")
                .requiredString("raw_record")
                .endRecord();

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public void write(RejectRow row, RecordConsumer c) {
            field(c, "process_date", 0, (int) row.processDate().toEpochDay());
            field(c, "source_file", 1, row.sourceFile());
            field(c, "raw_format", 2, row.rawFormat().folder());
            field(c, "record_index", 3, row.recordIndex());
            field(c, "reason_code", 4, row.reasonCode().name());
            field(c, "reason_detail", 5, row.reasonDetail());
            field(c, "raw_record", 6, row.rawRecord());
        }

        @Override
        public RejectRow decode(GenericRecord r, List<String> partition) {
            LogFormat format = LogFormat.fromFolder(string(r.get(2)))
                    .orElseThrow(() -> new IllegalStateException("Unknown raw_format " + r.get(2)));
            return new RejectRow(LocalDate.ofEpochDay((Integer) r.get(0)), string(r.get(1)), format, (Long) r.get(3),
                    RejectReason.valueOf(string(r.get(4))), string(r.get(5)), string(r.get(6)));
        }
    };

    static final RowCodec<DailyActivity> DAILY_ACTIVITY = new RowCodec<>() {
        private final Schema counts = Schema.createMap(Schema.create(Schema.Type.LONG));
        private final Schema schema = SchemaBuilder.record("daily_activity").namespace("io.atlas").fields()
                .requiredLong("total_requests")
                .requiredLong("error_count")
                .requiredLong("client_error_count")
                .requiredLong("server_error_count")
                .requiredLong("unique_ips")
                .name("requests_by_device").type(counts).noDefault()
                .name("requests_by_type").type(counts).noDefault()
                .name("requests_by_app").type(counts).noDefault()
                .name("errors_by_code").type(counts).noDefault()
                .requiredLong("duplicate_records")
                .requiredLong("rejected_records")
                .endRecord();

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public void write(DailyActivity row, RecordConsumer c) {
            field(c, "total_requests", 0, row.totalRequests());
            field(c, "error_count", 1, row.errorCount());
            field(c, "client_error_count", 2, row.clientErrorCount());
            field(c, "server_error_count", 3, row.serverErrorCount());
            field(c, "unique_ips", 4, row.uniqueIps());
            mapField(c, "requests_by_device", 5, row.requestsByDevice());
            mapField(c, "requests_by_type", 6, row.requestsByType());
            mapField(c, "requests_by_app", 7, row.requestsByApp());
            mapField(c, "errors_by_code", 8, row.errorsByCode());
            field(c, "duplicate_records", 9, row.duplicateRecords());
            field(c, "rejected_records", 10, row.rejectedRecords());
        }

        @Override
        public DailyActivity decode(GenericRecord r, List<String> partition) {
            return new DailyActivity(LocalDate.parse(partition.get(0)), (Long) r.get(0), (Long) r.get(1), (Long) r.get(2),
                    (Long) r.get(3), (Long) r.get(4), counts(r.get(5)), counts(r.get(6)), counts(r.get(7)),
                    counts(r.get(8)), (Long) r.get(9), (Long) r.get(10));
        }

        private SortedMap<String, Long> counts(Object value) {
            SortedMap<String, Long> map = new TreeMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> map.put(k.toString(), (Long) v));
            return map;
        }
    };
}
