package io.atlas.domain.file;

import static io.atlas.domain.testing.Bytes.concat;
import static io.atlas.domain.testing.Bytes.gzip;
import static io.atlas.domain.testing.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.record.SourceField;
import io.atlas.domain.testing.Records;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCursorsTest {
    private static final ReadLimits LIMITS = ReadLimits.DEFAULTS;

    /** One record as the cursor saw it. */
    record Seen(long index, RejectReason problem, String timestamp, String raw) {}

    static List<Seen> read(LogFormat format, byte[] content) throws IOException {
        return read(format, content, LIMITS);
    }

    static List<Seen> read(LogFormat format, byte[] content, ReadLimits limits) throws IOException {
        List<Seen> seen = new ArrayList<>();
        try (RecordCursor cursor = RecordCursors.open(format, new ByteArrayInputStream(content), limits)) {
            while (cursor.next()) {
                RecordCursor.Problem problem = cursor.problem();
                SourceField time = format == LogFormat.XML_ERRORS ? SourceField.ERROR_TIME : SourceField.TIMESTAMP;
                seen.add(new Seen(cursor.index(), problem == null ? null : problem.reason(),
                        problem == null ? cursor.fields().text(time) : null, cursor.rawText()));
            }
        }
        return seen;
    }

    static FileRejectReason failure(LogFormat format, byte[] content) {
        return failure(format, content, LIMITS);
    }

    static FileRejectReason failure(LogFormat format, byte[] content, ReadLimits limits) {
        try {
            read(format, content, limits);
        } catch (FileContentException e) {
            return e.reason();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a file-level failure");
    }

    @Test
    void ndjsonCountsBlankLinesInLineNumbersButNotAsRecords() throws IOException {
        byte[] file = utf8(Records.access("2024-11-29T01:00:00Z") + "\n\n   \n"
                + Records.access("2024-11-29T02:00:00Z") + "\r\n" + Records.access("2024-11-29T03:00:00Z"));

        assertThat(read(LogFormat.NDJSON, file))
                .extracting(Seen::index, Seen::timestamp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "2024-11-29T01:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple(4L, "2024-11-29T02:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple(5L, "2024-11-29T03:00:00Z"));
    }

    @Test
    void aByteOrderMarkAtTheStartIsIgnored() throws IOException {
        byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
        byte[] line = utf8(Records.access("2024-11-29T01:00:00Z") + "\n");

        assertThat(read(LogFormat.NDJSON, concat(bom, line))).singleElement()
                .satisfies(seen -> assertThat(seen.problem()).isNull());
        assertThat(read(LogFormat.JSON_GZIP, gzip(concat(bom, utf8("[" + Records.access("2024-11-29T01:00:00Z") + "]")))))
                .singleElement().satisfies(seen -> assertThat(seen.problem()).isNull());
        assertThat(read(LogFormat.XML_ERRORS, concat(bom, utf8(Records.errors(Records.error("2024-11-29T01:00:00Z"))))))
                .singleElement().satisfies(seen -> assertThat(seen.problem()).isNull());
    }

    @Test
    void aLineThatIsNotAJsonObjectIsAMalformedRecord() throws IOException {
        byte[] file = utf8(String.join("\n", Records.access("2024-11-29T01:00:00Z"), "[1, 2]", "\"text\"",
                "{\"timestamp\": \"2024-11-29T01:00:00Z\", ", "{} {}", "plain words", "{\"a\": tru}"));

        List<Seen> seen = read(LogFormat.NDJSON, file);

        assertThat(seen).extracting(Seen::problem).containsExactly(null, RejectReason.MALFORMED_RECORD,
                RejectReason.MALFORMED_RECORD, RejectReason.MALFORMED_RECORD, RejectReason.MALFORMED_RECORD,
                RejectReason.MALFORMED_RECORD, RejectReason.MALFORMED_RECORD);
        assertThat(seen.get(5).raw()).isEqualTo("plain words");
    }

    @Test
    void invalidUtf8InOneLineRejectsThatLineOnly() throws IOException {
        byte[] bad = concat(utf8("{\"timestamp\": \"2024-11-29T01:00:00Z\", \"ip\": \""), new byte[] {(byte) 0xc3, 0x28},
                utf8("\"}\n"));
        byte[] file = concat(utf8(Records.access("2024-11-29T01:00:00Z") + "\n"), bad,
                utf8(Records.access("2024-11-29T02:00:00Z") + "\n"));

        List<Seen> seen = read(LogFormat.NDJSON, file);

        assertThat(seen).extracting(Seen::problem).containsExactly(null, RejectReason.INVALID_ENCODING, null);
        assertThat(seen.get(1).raw()).contains("\uFFFD");
    }

    @Test
    void overlongAndSurrogateEncodingsAreInvalidUtf8() {
        assertThat(Utf8.isValid(new byte[] {(byte) 0xc0, (byte) 0xaf}, 0, 2)).isFalse();
        assertThat(Utf8.isValid(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, 0, 3)).isFalse();
        assertThat(Utf8.isValid(new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 0, 4)).isFalse();
        assertThat(Utf8.isValid(utf8("héllo → 世界 🎉 plain ascii tail"), 0, utf8("héllo → 世界 🎉 plain ascii tail").length)).isTrue();
    }

    @Test
    void aFiveMegabyteLineIsTooLargeAndTheNextLineStillReads() throws IOException {
        String huge = "{\"timestamp\": \"2024-11-29T01:00:00Z\", \"message\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        byte[] file = utf8(huge + "\n" + Records.access("2024-11-29T02:00:00Z") + "\n");

        List<Seen> seen = read(LogFormat.NDJSON, file);

        assertThat(seen).extracting(Seen::index, Seen::problem).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, RejectReason.RECORD_TOO_LARGE),
                org.assertj.core.groups.Tuple.tuple(2L, null));
        assertThat(utf8(seen.get(0).raw())).hasSize(ReadLimits.RAW_RECORD_BYTES);
    }

    @Test
    void anXmlRecordsSizeIsItsUtf8BytesNotItsCharacters() throws IOException {
        String euros = "\u20ac".repeat(500); // 500 characters, 1,500 bytes
        byte[] file = utf8(Records.errors(Records.error("2024-11-29T02:00:00Z").replace("Error occurred", euros),
                Records.error("2024-11-29T03:00:00Z")));

        assertThat(read(LogFormat.XML_ERRORS, file, LIMITS.withMaxRecordBytes(1024)))
                .extracting(Seen::problem).containsExactly(RejectReason.RECORD_TOO_LARGE, null);
        assertThat(read(LogFormat.XML_ERRORS, file, LIMITS.withMaxRecordBytes(1800)))
                .extracting(Seen::problem).containsExactly(null, null);
    }

    @Test
    void aTooLargeLastLineWithoutNewlineIsStillOneRecord() throws IOException {
        byte[] file = utf8(Records.access("2024-11-29T02:00:00Z") + "\n" + "y".repeat(3000));

        assertThat(read(LogFormat.NDJSON, file, LIMITS.withMaxRecordBytes(1024)))
                .extracting(Seen::problem).containsExactly(null, RejectReason.RECORD_TOO_LARGE);
    }

    @Test
    void ndjsonRefusesContentOfAnotherFormat() {
        assertThat(failure(LogFormat.NDJSON, gzip(Records.access("2024-11-29T02:00:00Z"))))
                .isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(failure(LogFormat.NDJSON, utf8(Records.errors(Records.error("2024-11-29T02:00:00Z")))))
                .isEqualTo(FileRejectReason.FORMAT_MISMATCH);
    }

    @Test
    void jsonGzipHoldsAnArrayOrNdjson() throws IOException {
        String a = Records.access("2024-11-29T01:00:00Z");
        String b = Records.access("2024-11-29T02:00:00Z");

        assertThat(read(LogFormat.JSON_GZIP, gzip("[\n  " + a + ",\n  " + b + "\n]\n")))
                .extracting(Seen::index, Seen::timestamp).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "2024-11-29T01:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple(2L, "2024-11-29T02:00:00Z"));
        assertThat(read(LogFormat.JSON_GZIP, gzip(a + "\n" + b + "\n"))).hasSize(2);
        assertThat(read(LogFormat.JSON_GZIP, gzip("[]"))).isEmpty();
    }

    @Test
    void anArrayElementThatIsNotAnObjectIsOneRejectedRecord() throws IOException {
        // A well-formed element that is not an object; an element that is not valid JSON fails the file (MalformedFileTest).
        String a = Records.access("2024-11-29T01:00:00Z");
        List<Seen> seen = read(LogFormat.JSON_GZIP, gzip("[" + a + ", 42, \"s\", [1, {\"x\": \"],\"}], null, " + a + "]"));

        assertThat(seen).extracting(Seen::index).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(seen).extracting(Seen::problem).containsExactly(null, RejectReason.MALFORMED_RECORD,
                RejectReason.MALFORMED_RECORD, RejectReason.MALFORMED_RECORD, RejectReason.MALFORMED_RECORD, null);
        assertThat(seen.get(3).raw()).isEqualTo("[1, {\"x\": \"],\"}]");
    }

    @Test
    void aStructurallyBrokenArrayIsAMalformedFile() {
        String a = Records.access("2024-11-29T01:00:00Z");
        for (String broken : new String[] {"[" + a, "[" + a + ",", "[" + a + ", ]", "[, " + a + "]", "[" + a + "]]",
                "[" + a + "] {}", "[" + a + "}]", "[{\"open\": \"string]"}) {
            assertThat(failure(LogFormat.JSON_GZIP, gzip(broken))).as(broken).isEqualTo(FileRejectReason.MALFORMED_FILE);
        }
    }

    @Test
    void jsonGzipRefusesWhatIsNotGzipAndDamagedGzip() {
        byte[] good = gzip("[" + Records.access("2024-11-29T01:00:00Z") + "]");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 12);
        byte[] damaged = good.clone();
        damaged[good.length / 2] ^= 0x5a;
        damaged[good.length / 2 + 1] ^= 0x3c;

        assertThat(failure(LogFormat.JSON_GZIP, utf8("[" + Records.access("2024-11-29T01:00:00Z") + "]")))
                .isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(failure(LogFormat.JSON_GZIP, truncated)).isEqualTo(FileRejectReason.CORRUPT_GZIP);
        assertThat(failure(LogFormat.JSON_GZIP, damaged)).isEqualTo(FileRejectReason.CORRUPT_GZIP);
        assertThat(failure(LogFormat.JSON_GZIP, new byte[] {0x1f, (byte) 0x8b, 8})).isEqualTo(FileRejectReason.CORRUPT_GZIP);
        assertThat(failure(LogFormat.JSON_GZIP, gzip(Records.errors(Records.error("2024-11-29T01:00:00Z")))))
                .isEqualTo(FileRejectReason.FORMAT_MISMATCH);
    }

    @Test
    void inflatingPastTheLimitStopsWithoutHoldingTheInflatedContent() {
        byte[] bomb = io.atlas.domain.testing.Bytes.gzipOfZeros(64L * 1024 * 1024);
        ReadLimits small = LIMITS.withMaxDecompressedBytes(8L * 1024 * 1024);

        assertThat(bomb.length).isLessThan(256 * 1024);
        assertThat(failure(LogFormat.JSON_GZIP, bomb, small)).isEqualTo(FileRejectReason.DECOMPRESSION_LIMIT);
    }

    @Test
    void xmlReadsErrorRecordsAndTrimsTheirText() throws IOException {
        byte[] file = utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- origin -->\n" + Records.errors(
                Records.error("2024-11-29T01:00:00Z"),
                "<error><errorTime>\n   2024-11-29T02:00:00Z\n</errorTime><message><![CDATA[a < b & c]]></message></error>"));

        assertThat(read(LogFormat.XML_ERRORS, file)).extracting(Seen::index, Seen::timestamp).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "2024-11-29T01:00:00Z"),
                org.assertj.core.groups.Tuple.tuple(2L, "2024-11-29T02:00:00Z"));
    }

    @Test
    void anXmlChildThatIsNotAnErrorIsAMalformedRecord() throws IOException {
        byte[] file = utf8(Records.errors(Records.error("2024-11-29T01:00:00Z"), "<warning><a>1</a></warning>"));

        List<Seen> seen = read(LogFormat.XML_ERRORS, file);

        assertThat(seen).extracting(Seen::problem).containsExactly(null, RejectReason.MALFORMED_RECORD);
        assertThat(seen.get(1).raw()).isEqualTo("<warning><a>1</a></warning>");
    }

    @Test
    void anyDoctypeIsUnsafeXml() {
        String entities = "<?xml version=\"1.0\"?>\n<!DOCTYPE errors [\n <!ENTITY a \"aaaaaaaaaa\">\n"
                + " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n"
                + "<errors><error><errorTime>&c;</errorTime></error></errors>";
        String external = "<?xml version=\"1.0\"?><!DOCTYPE errors [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<errors><error><message>&xxe;</message></error></errors>";
        String systemDtd = "<!DOCTYPE errors SYSTEM \"http://example.invalid/errors.dtd\"><errors/>";

        assertThat(failure(LogFormat.XML_ERRORS, utf8(entities))).isEqualTo(FileRejectReason.UNSAFE_XML);
        assertThat(failure(LogFormat.XML_ERRORS, utf8(external))).isEqualTo(FileRejectReason.UNSAFE_XML);
        assertThat(failure(LogFormat.XML_ERRORS, utf8(systemDtd))).isEqualTo(FileRejectReason.UNSAFE_XML);
    }

    @Test
    void xmlOfTheWrongShapeOrBrokenIsRefused() {
        assertThat(failure(LogFormat.XML_ERRORS, utf8("<logs><error/></logs>"))).isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(failure(LogFormat.XML_ERRORS, utf8(Records.access("2024-11-29T01:00:00Z"))))
                .isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(failure(LogFormat.XML_ERRORS, gzip(Records.errors(Records.error("2024-11-29T01:00:00Z")))))
                .isEqualTo(FileRejectReason.FORMAT_MISMATCH);
        assertThat(failure(LogFormat.XML_ERRORS, utf8("<errors>" + Records.error("2024-11-29T01:00:00Z"))))
                .isEqualTo(FileRejectReason.MALFORMED_FILE);
        assertThat(failure(LogFormat.XML_ERRORS, utf8("<errors><error>&undeclared;</error></errors>")))
                .isEqualTo(FileRejectReason.MALFORMED_FILE);
        assertThat(failure(LogFormat.XML_ERRORS, utf8("<errors></errors><errors></errors>")))
                .isEqualTo(FileRejectReason.MALFORMED_FILE);
        assertThat(failure(LogFormat.XML_ERRORS, concat(utf8("<errors><error><message>"), new byte[] {(byte) 0xff},
                utf8("</message></error></errors>")))).isEqualTo(FileRejectReason.MALFORMED_FILE);
    }

    @Test
    void storageFailuresAreNeverMistakenForBadContent() {
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 10) {
                    return '{';
                }
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> {
            try (RecordCursor cursor = RecordCursors.open(LogFormat.NDJSON, failing, LIMITS)) {
                while (cursor.next()) {
                    // drain
                }
            }
        }).isInstanceOf(SourceReadException.class).hasMessageContaining("connection reset");
    }
}
