package io.atlas.domain.ingest;

import static io.atlas.domain.testing.Bytes.gzip;
import static io.atlas.domain.testing.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.file.FileRejectReason;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.testing.Bytes;
import io.atlas.domain.testing.Records;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FileScannerTest {
    private static final LocalDate NOV_29 = LocalDate.of(2024, 11, 29);
    private static final LocalDate NOV_30 = LocalDate.of(2024, 11, 30);
    private final FileScanner scanner = new FileScanner(ReadLimits.DEFAULTS);

    private FileScanResult scan(LogFormat format, byte[] content) throws IOException {
        return scanner.scan(format, new ByteArrayInputStream(content));
    }

    private FileRejectReason rejection(LogFormat format, byte[] content) throws IOException {
        FileScanResult result = scan(format, content);
        assertThat(result).isInstanceOf(FileScanResult.Rejected.class);
        return ((FileScanResult.Rejected) result).reason();
    }

    @Test
    void aFileSpanningMidnightTouchesBothDays() throws IOException {
        byte[] file = utf8(Records.access("2024-11-29T23:59:59Z") + "\n" + Records.access("2024-11-30T00:00:00Z") + "\n");

        FileScanResult result = scan(LogFormat.NDJSON, file);

        assertThat(result).isEqualTo(new FileScanResult.Routable(new java.util.TreeSet<>(java.util.List.of(NOV_29, NOV_30)), 2, 0));
    }

    @Test
    void offsetsDecideTheUtcDay() throws IOException {
        byte[] file = utf8(Records.errors(Records.error("2024-11-29T22:30:00-02:00"), Records.error("2024-11-30T01:00:00+03:00")));

        FileScanResult.Routable result = (FileScanResult.Routable) scan(LogFormat.XML_ERRORS, file);

        assertThat(result.days()).containsExactly(NOV_29, NOV_30);
    }

    @Test
    void recordsWithoutAValidTimestampDoNotRouteButAreCounted() throws IOException {
        byte[] file = utf8(Records.access("2024-11-29T10:00:00Z") + "\n{\"timestamp\": \"2024-12-01T00:00:00\"}\nnot json\n"
                + "{\"timestamp\": \"2024-12-02T00:00:00Z\", \"ip\": \"x\", \"request_type\": \"GET\", \"status\": 999}\n");

        FileScanResult.Routable result = (FileScanResult.Routable) scan(LogFormat.NDJSON, file);

        // The record with a bad status still has a valid timestamp: its day owns (and rejects) it.
        assertThat(result.days()).containsExactly(NOV_29, LocalDate.of(2024, 12, 2));
        assertThat(result.records()).isEqualTo(4);
        assertThat(result.withoutTimestamp()).isEqualTo(2);
    }

    @Test
    void everyFileLevelReasonOfTheContent() throws IOException {
        String line = Records.access("2024-11-29T10:00:00Z");
        assertThat(rejection(LogFormat.NDJSON, new byte[0])).isEqualTo(FileRejectReason.EMPTY_FILE);
        assertThat(rejection(LogFormat.NDJSON, utf8("\n  \n\n"))).isEqualTo(FileRejectReason.EMPTY_FILE);
        assertThat(rejection(LogFormat.JSON_GZIP, new byte[0])).isEqualTo(FileRejectReason.EMPTY_FILE);
        assertThat(rejection(LogFormat.JSON_GZIP, gzip(""))).isEqualTo(FileRejectReason.EMPTY_FILE);
        assertThat(rejection(LogFormat.JSON_GZIP, gzip("[ ]"))).isEqualTo(FileRejectReason.EMPTY_FILE);
        assertThat(rejection(LogFormat.XML_ERRORS, new byte[0])).isEqualTo(FileRejectReason.EMPTY_FILE);
        assertThat(rejection(LogFormat.XML_ERRORS, utf8("<errors>\n</errors>"))).isEqualTo(FileRejectReason.EMPTY_FILE);

        assertThat(rejection(LogFormat.NDJSON, utf8("a,b,c\n1,2,3\n"))).isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(rejection(LogFormat.NDJSON, gzip(line))).isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(rejection(LogFormat.NDJSON, utf8("[" + line + "]"))).isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(rejection(LogFormat.NDJSON, utf8("[\n  " + line + ",\n  " + line + "\n]\n")))
                .isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(scan(LogFormat.NDJSON, utf8("[1, 2]\n" + line + "\n"))).isInstanceOf(FileScanResult.Routable.class);
        assertThat(rejection(LogFormat.JSON_GZIP, utf8(line))).isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(rejection(LogFormat.JSON_GZIP, gzip("id,time\n1,2\n"))).isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(rejection(LogFormat.XML_ERRORS, utf8(line))).isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(rejection(LogFormat.XML_ERRORS, utf8("<html><body/></html>"))).isEqualTo(FileRejectReason.FORMAT_MISMATCH);

        byte[] good = gzip("[" + line + "]");
        assertThat(rejection(LogFormat.JSON_GZIP, java.util.Arrays.copyOf(good, good.length - 4)))
                .isEqualTo(FileRejectReason.CORRUPT_GZIP);
        assertThat(rejection(LogFormat.JSON_GZIP, gzip("[" + line + ", "))).isEqualTo(FileRejectReason.MALFORMED_FILE);
        assertThat(rejection(LogFormat.XML_ERRORS, utf8("<errors><error>"))).isEqualTo(FileRejectReason.MALFORMED_FILE);
        assertThat(rejection(LogFormat.XML_ERRORS, utf8("<!DOCTYPE errors [<!ENTITY x \"y\">]><errors/>")))
                .isEqualTo(FileRejectReason.UNSAFE_XML);
        assertThat(new FileScanner(ReadLimits.DEFAULTS.withMaxDecompressedBytes(1024 * 1024))
                        .scan(LogFormat.JSON_GZIP, new ByteArrayInputStream(Bytes.gzipOfZeros(4 * 1024 * 1024))))
                .isEqualTo(new FileScanResult.Rejected(FileRejectReason.DECOMPRESSION_LIMIT,
                        "inflates past the limit of 1048576 bytes"));
        assertThat(rejection(LogFormat.NDJSON, utf8("{\"timestamp\": \"tomorrow\"}\n{\"ip\": \"1.2.3.4\"}\n")))
                .isEqualTo(FileRejectReason.NO_EVENT_TIMESTAMP);
        assertThat(rejection(LogFormat.JSON_GZIP, gzip("[1, 2, 3]"))).isEqualTo(FileRejectReason.NO_EVENT_TIMESTAMP);
    }

    @Test
    void scansAHugeFileInBoundedMemory() throws IOException {
        // 100 MB of NDJSON generated on the fly: the scanner sees it as a stream, never as a whole.
        long lines = 700_000;
        byte[] line = utf8(Records.access("2024-11-29T10:00:00Z") + "\n");
        InputStream generated = Bytes.repeated(line, lines);
        long before = usedHeap();

        FileScanResult.Routable result = (FileScanResult.Routable) scanner.scan(LogFormat.NDJSON, generated);

        assertThat(result.records()).isEqualTo(lines);
        assertThat(usedHeap() - before).isLessThan(64L * 1024 * 1024);
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
