package io.atlas.local.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.LogIdHasher;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.EventScan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The columnar scan gives back every row's aggregate columns whatever the pages look like: plain or
 * dictionary-encoded ids, version 1 or 2 pages, text dictionaries that overflow into plain pages mid-chunk, nulls.
 */
class ColumnarEventScanTest {
    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({"false, PARQUET_1_0, 1048576, false, 134217728, UNCOMPRESSED",
        "true, PARQUET_1_0, 4096, false, 134217728, UNCOMPRESSED", "true, PARQUET_2_0, 4096, false, 134217728, UNCOMPRESSED",
        "false, PARQUET_2_0, 1048576, false, 134217728, UNCOMPRESSED", "false, PARQUET_1_0, 4096, true, 134217728, UNCOMPRESSED",
        "true, PARQUET_2_0, 4096, true, 134217728, UNCOMPRESSED",
        // many row groups, whose buffers the scan hands out again, and snappy pages decompressed into them (as
        // Atlas writes them): a buffer reused too early would change rows
        "false, PARQUET_1_0, 16384, false, 65536, UNCOMPRESSED", "false, PARQUET_2_0, 16384, true, 65536, UNCOMPRESSED",
        "false, PARQUET_1_0, 16384, false, 65536, SNAPPY", "true, PARQUET_2_0, 4096, false, 65536, SNAPPY",
        "false, PARQUET_2_0, 16384, true, 65536, SNAPPY"})
    void everyRowComesBackAsWritten(boolean idDictionary, ParquetProperties.WriterVersion version, int pageBytes,
            boolean optional, long rowGroupBytes, CompressionCodecName codec) throws Exception {
        List<CanonicalRecord> rows = new ArrayList<>();
        LogIdHasher hasher = new LogIdHasher();
        for (int i = 0; i < 20_000; i++) {
            // Addresses mostly distinct (their dictionary overflows), agents and methods repeating, some agents null.
            String ip = "10." + (i % 7) + "." + (i / 256 % 256) + "." + (i % 256);
            String device = i % 5 == 0 ? null : "agent-" + (i % 13);
            String method = i % 3 == 0 ? "GET" : "POST";
            int status = 200 + i % 400;
            Instant at = Instant.ofEpochMilli(1_732_838_400_000L + i);
            // Every tenth id repeats an earlier one, as duplicates do.
            int event = i % 10 == 9 ? i - 5 : i;
            String id = hasher.logId(LogType.ACCESS, event, ip, device, method, status, "/p", null, "app");
            rows.add(new CanonicalRecord(id, at, ip, device, method, status, "/p", null, "app-" + (i % 2), LogType.ACCESS,
                    LogFormat.NDJSON, "validated/ndjson/a.ndjson"));
        }
        Path file = write(rows, idDictionary, version, pageBytes, optional, rowGroupBytes, codec);

        List<String> scanned = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        new ColumnarEventScan().scan(file, new EventScan.Visitor() {
            @Override
            public void event(byte[] logId, int offset, int status, String device, String type, String app) {
                scanned.add(new String(logId, offset, 64, StandardCharsets.US_ASCII) + " " + status + " " + device + " "
                        + type + " " + app);
            }

            @Override
            public void address(byte[] ip, int offset, int length) {
                addresses.add(new String(ip, offset, length, StandardCharsets.UTF_8));
            }
        });

        List<String> expected = rows.stream().map(r -> r.logId() + " " + r.statusCode() + " " + r.device() + " "
                + r.requestType() + " " + r.appName()).toList();
        assertThat(scanned).containsExactlyElementsOf(expected);
        assertThat(new java.util.HashSet<>(addresses))
                .isEqualTo(rows.stream().map(CanonicalRecord::ipAddress).collect(java.util.stream.Collectors.toSet()));
    }

    /** A dictionary-encoded address is given once a chunk, not once a row: addresses count as a set. */
    @org.junit.jupiter.api.Test
    void aDictionaryEncodedAddressIsGivenOnceAChunk() throws Exception {
        List<CanonicalRecord> rows = new ArrayList<>();
        LogIdHasher hasher = new LogIdHasher();
        for (int i = 0; i < 5_000; i++) {
            String ip = "192.168.0." + (i % 10);
            String id = hasher.logId(LogType.ACCESS, i, ip, null, "GET", 200, "/p", null, "app");
            rows.add(new CanonicalRecord(id, Instant.EPOCH, ip, null, "GET", 200, "/p", null, "app", LogType.ACCESS,
                    LogFormat.NDJSON, "validated/ndjson/a.ndjson"));
        }
        Path file = write(rows, false, ParquetProperties.WriterVersion.PARQUET_1_0, 4096, false, 128L << 20,
                CompressionCodecName.UNCOMPRESSED);
        List<String> addresses = new ArrayList<>();
        long[] events = new long[1];
        new ColumnarEventScan().scan(file, new EventScan.Visitor() {
            @Override
            public void event(byte[] logId, int offset, int status, String device, String type, String app) {
                events[0]++;
            }

            @Override
            public void address(byte[] ip, int offset, int length) {
                addresses.add(new String(ip, offset, length, StandardCharsets.UTF_8));
            }
        });
        assertThat(events[0]).isEqualTo(5_000);
        assertThat(addresses).hasSize(10).doesNotHaveDuplicates().allMatch(ip -> ip.startsWith("192.168.0."));
    }

    /**
     * The row groups' column chunks and the pages of ids go into buffers that the scan hands out again, so a file of
     * many row groups allocates about what its first one needed (each array of a megabyte or more is a humongous
     * allocation under a small heap), not as many arrays again for each row group.
     */
    @org.junit.jupiter.api.Test
    void aFileOfManyRowGroupsReusesItsBuffers() throws Exception {
        List<CanonicalRecord> rows = distinctRows(20_000);
        Path file = write(rows, false, ParquetProperties.WriterVersion.PARQUET_1_0, 16 * 1024, false, 64 * 1024,
                CompressionCodecName.SNAPPY);
        int rowGroups;
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                new ChannelInputFile(file), PlainConfiguration.readOptions())) {
            rowGroups = reader.getRowGroups().size();
        }
        BufferPool buffers = new BufferPool();
        LogIds ids = new LogIds();
        new ColumnarEventScan().scan(file, ids, buffers, 0, 1);

        assertThat(ids.ids).containsExactlyElementsOf(rows.stream().map(CanonicalRecord::logId).toList());
        assertThat(rowGroups).isGreaterThanOrEqualTo(10);
        // Each row group reads its chunks into at least one buffer and decompresses pages of ids into more.
        assertThat(buffers.made()).isLessThan(rowGroups);
    }

    /** A file's slices, each a stride of its row groups, together give every row once, whatever their number. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 7, 50})
    void theSlicesOfAFileGiveEveryRowOnce(int slices) throws Exception {
        List<CanonicalRecord> rows = distinctRows(20_000);
        Path file = write(rows, false, ParquetProperties.WriterVersion.PARQUET_1_0, 16 * 1024, false, 64 * 1024,
                CompressionCodecName.SNAPPY);
        List<String> ids = new ArrayList<>();
        List<Integer> perSlice = new ArrayList<>();
        for (int slice = 0; slice < slices; slice++) {
            LogIds scanned = new LogIds();
            new ColumnarEventScan().scan(file, scanned, new BufferPool(), slice, slices);
            ids.addAll(scanned.ids);
            perSlice.add(scanned.ids.size());
        }

        assertThat(ids.stream().sorted().toList())
                .containsExactlyElementsOf(rows.stream().map(CanonicalRecord::logId).sorted().toList());
        if (slices > 1 && slices < 10) {
            // the row groups (at least 10) are shared out: no slice has them all
            assertThat(perSlice).allMatch(count -> count > 0 && count < rows.size());
        }
    }

    @org.junit.jupiter.api.Test
    void aSliceOutsideItsFileIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ColumnarEventScan().scan(directory.resolve("x"),
                new LogIds(), new BufferPool(), 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Rows of distinct ids and addresses, the same agent, method and app. */
    private static List<CanonicalRecord> distinctRows(int count) {
        List<CanonicalRecord> rows = new ArrayList<>();
        LogIdHasher hasher = new LogIdHasher();
        for (int i = 0; i < count; i++) {
            String ip = "10.0." + (i / 256 % 256) + "." + (i % 256);
            String id = hasher.logId(LogType.ACCESS, i, ip, null, "GET", 200, "/p", null, "app");
            rows.add(new CanonicalRecord(id, Instant.EPOCH, ip, "agent", "GET", 200, "/p", null, "app", LogType.ACCESS,
                    LogFormat.NDJSON, "validated/ndjson/a.ndjson"));
        }
        return rows;
    }

    /** The ids of the events scanned, in order; addresses ignored. */
    private static final class LogIds implements EventScan.Visitor {
        final List<String> ids = new ArrayList<>();

        @Override
        public void event(byte[] logId, int offset, int status, String device, String type, String app) {
            ids.add(new String(logId, offset, 64, StandardCharsets.US_ASCII));
        }

        @Override
        public void address(byte[] ip, int offset, int length) {}
    }

    /** With {@code optional}, every column is nullable, as Spark writes them (their pages then carry levels). */
    private Path write(List<CanonicalRecord> rows, boolean idDictionary, ParquetProperties.WriterVersion version,
            int pageBytes, boolean optional, long rowGroupBytes, CompressionCodecName compression) throws java.io.IOException {
        Path file = directory.resolve("part.parquet");
        RowCodec<CanonicalRecord> codec = RowCodecs.forDataset(Dataset.LOGS);
        Schema avro = codec.schema();
        MessageType required = new AvroSchemaConverter().convert(avro);
        MessageType schema = !optional ? required : new MessageType(required.getName(), required.getFields().stream()
                .map(field -> (org.apache.parquet.schema.Type) org.apache.parquet.schema.Types
                        .optional(field.asPrimitiveType().getPrimitiveTypeName())
                        .as(field.getLogicalTypeAnnotation()).named(field.getName()))
                .toList());
        try (ParquetWriter<CanonicalRecord> writer = new RowWriterBuilder<>(new LocalOutputFile(file),
                new RowWriteSupport<>(schema, codec::write))
                .withWriterVersion(version)
                .withPageSize(pageBytes)
                .withRowGroupSize(rowGroupBytes)
                .withCodecFactory(PlainConfiguration.codecs())
                .withCompressionCodec(compression)
                .withDictionaryPageSize(16 * 1024)
                .withDictionaryEncoding("log_id", idDictionary)
                .build()) {
            for (CanonicalRecord row : rows) {
                writer.write(row);
            }
        }

        return file;
    }
}
