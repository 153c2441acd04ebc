package io.atlas.domain.file;

import static io.atlas.domain.testing.Bytes.gzip;
import static io.atlas.domain.testing.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.record.SourceField;
import io.atlas.domain.record.SourceFields;
import io.atlas.domain.testing.BothStages;
import io.atlas.domain.testing.Bytes;
import io.atlas.domain.testing.Records;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SPEC §3 "Unknown extra fields are ignored, not fatal": whatever their depth or length, bounded only by the record
 * size limit; a known field of extreme length gets its own field's reason. Checked on every way a JSON record is
 * read (NDJSON, gzip'd NDJSON, gzip'd array) through ingestion and normalization, and on both JSON parsers.
 */
class IgnoredFieldsTest {
    private static final String DIGITS = "7".repeat(1001);

    /** The three ways a JSON record reaches the parsers. */
    enum Container {
        NDJSON(line -> utf8(line + "\n"), LogFormat.NDJSON),
        GZIPPED_NDJSON(line -> gzip(line + "\n"), LogFormat.JSON_GZIP),
        GZIPPED_ARRAY(line -> gzip("[\n" + line + "\n]"), LogFormat.JSON_GZIP);

        final Function<String, byte[]> file;
        final LogFormat format;

        Container(Function<String, byte[]> file, LogFormat format) {
            this.file = file;
            this.format = format;
        }

        BothStages.Verdict judge(String record) {
            return BothStages.judge(format, file.apply(record));
        }
    }

    /** A good access record with one more member. */
    private static String withExtra(String member) {
        String good = Records.access("2024-11-29T10:00:00Z");
        return good.substring(0, good.length() - 1) + ", " + member + "}";
    }

    private static String nested(int depth, String open, String close, String leaf) {
        return open.repeat(depth) + leaf + close.repeat(depth);
    }

    private static List<String> hugeExtras() {
        return List.of(
                "\"extra\": " + nested(501, "[", "]", "1"),
                "\"extra\": " + nested(100_000, "[", "]", ""),
                "\"extra\": " + nested(20_000, "{\"a\": ", "}", "null"),
                "\"extra\": " + DIGITS,
                "\"extra\": -" + "9".repeat(200_000),
                "\"extra\": 1." + DIGITS + "e-" + DIGITS,
                "\"extra\": [" + DIGITS + ", {\"deeper\": " + nested(600, "[", "]", DIGITS) + "}]",
                "\"extra\": \"" + "s".repeat(900_000) + "\"",
                "\"" + "n".repeat(60_000) + "\": 1");
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void anUnknownFieldOfAnyDepthOrLengthUnderTheRecordLimitIsIgnored(Container container) {
        for (String extra : hugeExtras()) {
            BothStages.Verdict verdict = container.judge(withExtra(extra));

            assertThat(verdict.fileReject()).as(extra.substring(0, 40)).isEmpty();
            assertThat(verdict.rejected()).as(extra.substring(0, 40)).isEmpty();
            assertThat(verdict.processed()).as(extra.substring(0, 40)).singleElement()
                    .satisfies(record -> assertThat(record.statusCode()).isEqualTo(200));
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void theRecordSizeLimitStillBoundsAnUnknownField(Container container) {
        BothStages.Verdict verdict = container.judge(
                Records.access("2024-11-29T10:00:00Z") + (container == Container.GZIPPED_ARRAY ? ",\n" : "\n")
                        + withExtra("\"extra\": " + nested(600_000, "[", "]", "")));

        assertThat(verdict.processed()).hasSize(1);
        assertThat(verdict.rejectReasons()).containsExactly(RejectReason.RECORD_TOO_LARGE);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void knownFieldsOfExtremeLengthGetTheirOwnReason(Container container) {
        String good = Records.access("2024-11-29T10:00:00Z");
        String day = Records.access("2024-11-29T11:00:00Z"); // keeps each file routable
        String separator = container == Container.GZIPPED_ARRAY ? ",\n" : "\n";
        List<String> records = List.of(
                good.replace("\"status\": 200", "\"status\": " + DIGITS),
                good.replace("\"status\": 200", "\"status\": \"" + DIGITS + "\""),
                good.replace("\"status\": 200", "\"status\": 2" + "0".repeat(1000) + "e-1000"),
                good.replace("\"timestamp\": \"2024-11-29T10:00:00Z\"", "\"timestamp\": " + DIGITS),
                good.replace("\"timestamp\": \"2024-11-29T10:00:00Z\"", "\"timestamp\": -" + DIGITS),
                good.replace("\"timestamp\": \"2024-11-29T10:00:00Z\"", "\"timestamp\": \"" + DIGITS + "\""),
                good.replace("\"ip\": \"10.0.0.1\"", "\"ip\": " + nested(5_000, "[", "]", "")));

        BothStages.Verdict verdict = container.judge(day + separator + String.join(separator, records));

        assertThat(verdict.processed()).hasSize(1);
        assertThat(verdict.rejectReasons()).containsExactlyInAnyOrder(RejectReason.INVALID_STATUS,
                RejectReason.INVALID_STATUS, RejectReason.INVALID_STATUS, RejectReason.INVALID_TIMESTAMP,
                RejectReason.INVALID_TIMESTAMP, RejectReason.INVALID_TIMESTAMP, RejectReason.INVALID_FIELD_TYPE);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aOneRecordFileWithAHugeUnknownFieldIsRoutedNotRejected(Container container) {
        assertThat(container.judge(withExtra("\"extra\": " + nested(1_000, "{\"a\": ", "}", DIGITS))).fileReject()).isEmpty();
        assertThat(container.judge(withExtra("\"extra\": " + DIGITS)).processed()).hasSize(1);
    }

    @Test
    void aLongStringInAKnownFieldIsKeptWhenTheRecordLimitAllowsIt() {
        ReadLimits roomy = ReadLimits.DEFAULTS.withMaxRecordBytes(32 * 1024 * 1024);
        // Over Jackson 2.15's default maximum string length (20,000,000), with an escape so the full parser reads it.
        String message = "m".repeat(21_000_000) + "\\\"";
        String line = withExtra("\"message\": \"" + message + "\"");

        BothStages.Verdict verdict = BothStages.judge(LogFormat.NDJSON, utf8(line), roomy);

        assertThat(verdict.processed()).singleElement().satisfies(record -> assertThat(record.message()).hasSize(21_000_001));
    }

    @Test
    void theFastPathAndJacksonReadExtremeRecordsAlike() {
        JsonObjectReader reader = new JsonObjectReader(ReadLimits.DEFAULTS);
        for (String extra : hugeExtras()) {
            byte[] line = utf8(withExtra(extra));
            SourceFields combined = new SourceFields();
            SourceFields jackson = new SourceFields();

            assertThat(reader.read(line, 0, line.length, combined)).as(extra.substring(0, 40)).isNull();
            assertThat(reader.readWithJackson(line, 0, line.length, jackson)).as(extra.substring(0, 40)).isNull();
            for (SourceField field : SourceField.values()) {
                assertThat(combined.text(field)).isEqualTo(jackson.text(field));
                assertThat(combined.kind(field)).isEqualTo(jackson.kind(field));
            }
        }
    }

    @Test
    void anUnknownXmlElementOfAnyDepthOrNameLengthIsIgnored() {
        String deep = nested(50_000, "<d>", "</d>", DIGITS);
        String longName = "n".repeat(5_000);
        String error = Records.error("2024-11-29T10:00:00Z");
        String withExtras = error.replace("</error>", "<extra>" + deep + "</extra><" + longName + ">x</" + longName + "></error>");

        BothStages.Verdict verdict = BothStages.judge(LogFormat.XML_ERRORS, utf8(Records.errors(withExtras)));

        assertThat(verdict.rejected()).isEmpty();
        assertThat(verdict.processed()).singleElement().satisfies(record -> assertThat(record.statusCode()).isEqualTo(503));
    }

    @Test
    void anUnknownXmlElementOfAHundredMegabytesIsTooLargeAndReadInBoundedMemory() throws IOException {
        byte[] head = utf8("<errors>" + Records.error("2024-11-29T10:00:00Z").replace("</error>", "<extra>"));
        byte[] tail = utf8("</extra></error>" + Records.error("2024-11-29T11:00:00Z") + "</errors>");
        InputStream file = new SequenceInputStream(java.util.Collections.enumeration(List.of(new ByteArrayInputStream(head),
                Bytes.repeated(utf8("x".repeat(1024)), 100 * 1024), new ByteArrayInputStream(tail))));
        long before = usedHeap();
        List<RejectReason> seen = new ArrayList<>();

        try (RecordCursor cursor = RecordCursors.open(LogFormat.XML_ERRORS, file, ReadLimits.DEFAULTS)) {
            while (cursor.next()) {
                seen.add(cursor.problem() == null ? null : cursor.problem().reason());
                assertThat(usedHeap() - before).isLessThan(64L * 1024 * 1024);
            }
        }

        assertThat(seen).containsExactly(RejectReason.RECORD_TOO_LARGE, null);
    }

    private static long usedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void knownXmlFieldsOfExtremeLengthGetTheirOwnReason() {
        String error = Records.error("2024-11-29T10:00:00Z");
        BothStages.Verdict verdict = BothStages.judge(LogFormat.XML_ERRORS, utf8(Records.errors(error,
                error.replace("<errorCode>503</errorCode>", "<errorCode>" + DIGITS + "</errorCode>"),
                error.replace("<errorTime>2024-11-29T10:00:00Z</errorTime>", "<errorTime>" + DIGITS + "</errorTime>"))));

        assertThat(verdict.processed()).hasSize(1);
        assertThat(verdict.rejectReasons()).containsExactlyInAnyOrder(RejectReason.INVALID_STATUS, RejectReason.INVALID_TIMESTAMP);
    }
}
