package io.atlas.domain.file;

import static io.atlas.domain.testing.Bytes.concat;
import static io.atlas.domain.testing.Bytes.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.testing.BothStages;
import io.atlas.domain.testing.Records;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §2 "confirm it from content (XML root {@code <errors>})" for XML in any encoding the document itself declares
 * (XML 1.0 §4.3.3 and Appendix F: a byte-order mark, the first bytes, then the encoding declaration), and SPEC §3's
 * UTF-8 for JSON: a JSON file in UTF-16 or UTF-32 is not its format.
 */
class ContentEncodingTest {
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    private static final byte[] UTF16BE_BOM = {(byte) 0xfe, (byte) 0xff};
    private static final byte[] UTF16LE_BOM = {(byte) 0xff, (byte) 0xfe};
    private static final byte[] UTF32LE_BOM = {(byte) 0xff, (byte) 0xfe, 0, 0};
    private static final byte[] UTF32BE_BOM = {0, 0, (byte) 0xfe, (byte) 0xff};
    private static final byte[] NONE = {};

    private static String document(String declaredEncoding, String message) {
        String declaration = declaredEncoding.isEmpty() ? "" : "<?xml version=\"1.0\" encoding=\"" + declaredEncoding + "\"?>\n";
        return declaration + Records.errors(Records.error("2024-11-29T01:00:00Z"),
                Records.error("2024-11-29T02:00:00Z").replace("Error occurred", message));
    }

    private static BothStages.Verdict xml(byte[] bom, String text, String charset) {
        return BothStages.judge(LogFormat.XML_ERRORS, concat(bom, text.getBytes(Charset.forName(charset))));
    }

    private static byte[] bom(String name) {
        return switch (name) {
            case "UTF8" -> UTF8_BOM;
            case "UTF16BE" -> UTF16BE_BOM;
            case "UTF16LE" -> UTF16LE_BOM;
            case "UTF32BE" -> UTF32BE_BOM;
            case "UTF32LE" -> UTF32LE_BOM;
            default -> NONE;
        };
    }

    @ParameterizedTest(name = "{0} bytes, BOM {1}, declared ''{2}''")
    @CsvSource({
            "UTF-16LE, UTF16LE, UTF-16",
            "UTF-16BE, UTF16BE, UTF-16",
            "UTF-16LE, UTF16LE, utf-16",
            "UTF-16LE, UTF16LE, ''",
            "UTF-16BE, UTF16BE, ''",
            "UTF-16LE, UTF16LE, UTF-16LE",
            "UTF-16BE, UTF16BE, UTF-16BE",
            "UTF-16LE, NONE, UTF-16",
            "UTF-16BE, NONE, UTF-16",
            "UTF-16LE, NONE, UTF-16LE",
            "UTF-32LE, UTF32LE, UTF-32",
            "UTF-32BE, UTF32BE, ''",
            "UTF-8, UTF8, UTF-8",
            "UTF-8, UTF8, ''",
            "UTF-8, NONE, utf-8",
            "ISO-8859-1, NONE, ISO-8859-1",
            "ISO-8859-15, NONE, ISO-8859-15",
            "windows-1252, NONE, windows-1252",
            "Shift_JIS, NONE, Shift_JIS",
            "US-ASCII, NONE, US-ASCII"})
    void anXmlErrorLogInAnEncodingItDeclaresIsRoutedAndRead(String charset, String bom, String declared) {
        String message = charset.equals("US-ASCII") ? "plain" : charset.equals("Shift_JIS") ? "エラー発生"
                : charset.startsWith("ISO-8859-1") || charset.startsWith("windows") ? "caf\u00e9 \u00fc" : "caf\u00e9 \u4e16\u754c \ud83c\udf89";

        BothStages.Verdict verdict = xml(bom(bom), document(declared, message), charset);

        assertThat(verdict.fileReject()).as(verdict.detail()).isEmpty();
        assertThat(verdict.processed()).hasSize(2);
        assertThat(verdict.processed()).extracting(record -> record.message()).contains(message);
    }

    @Test
    void theEuroSignOfWindows1252IsDecodedAsDeclared() {
        BothStages.Verdict verdict = xml(NONE, document("windows-1252", "5 \u20ac"), "windows-1252");

        assertThat(verdict.processed()).extracting(record -> record.message()).contains("5 \u20ac");
    }

    @ParameterizedTest(name = "{0} bytes, BOM {1}, declared ''{2}''")
    @CsvSource({
            "UTF-16LE, UTF16LE, UTF-16BE",
            "UTF-16LE, UTF16LE, UTF-8",
            "UTF-16BE, UTF16BE, ISO-8859-1",
            "UTF-8, UTF8, UTF-16",
            "UTF-8, UTF8, ISO-8859-1",
            "UTF-8, NONE, UTF-16",
            "UTF-8, NONE, UTF-32",
            "UTF-8, NONE, no-such-charset",
            "UTF-16LE, UTF16LE, no-such-charset"})
    void anEncodingTheBytesContradictIsAMalformedFile(String charset, String bom, String declared) {
        BothStages.Verdict verdict = xml(bom(bom), document(declared, "x"), charset);

        assertThat(verdict.fileReject()).contains(FileRejectReason.MALFORMED_FILE);
        assertThat(verdict.detail()).contains(declared);
    }

    @Test
    void utf16XmlGetsTheSameFileChecksAsUtf8() {
        assertThat(xml(UTF16LE_BOM, "<logs><error/></logs>", "UTF-16LE").fileReject()).contains(FileRejectReason.FORMAT_MISMATCH);
        assertThat(xml(UTF16LE_BOM, "not xml at all", "UTF-16LE").fileReject()).contains(FileRejectReason.FORMAT_MISMATCH);
        assertThat(xml(UTF16BE_BOM, "  \n ", "UTF-16BE").fileReject()).contains(FileRejectReason.EMPTY_FILE);
        assertThat(xml(UTF16BE_BOM, "<errors/>", "UTF-16BE").fileReject()).contains(FileRejectReason.EMPTY_FILE);
        assertThat(xml(UTF16LE_BOM, "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE errors [<!ENTITY x \"y\">]><errors/>",
                "UTF-16LE").fileReject()).contains(FileRejectReason.UNSAFE_XML);
        assertThat(xml(UTF16LE_BOM, document("UTF-16", "x").replace("</errors>", ""), "UTF-16LE").fileReject())
                .contains(FileRejectReason.MALFORMED_FILE);
    }

    @Test
    void damagedUtf16IsAMalformedFile() {
        byte[] whole = concat(UTF16LE_BOM, document("UTF-16", "x").getBytes(StandardCharsets.UTF_16LE));
        byte[] oddLength = Arrays.copyOf(whole, whole.length - 1);
        byte[] loneSurrogate = concat(UTF16LE_BOM, document("UTF-16", "\ud800x").getBytes(StandardCharsets.UTF_16LE));
        int at = indexOf(loneSurrogate, new byte[] {'x', 0, '<', 0}) - 2;
        loneSurrogate[at] = 0x00;
        loneSurrogate[at + 1] = (byte) 0xd8;

        assertThat(BothStages.judge(LogFormat.XML_ERRORS, oddLength).fileReject()).contains(FileRejectReason.MALFORMED_FILE);
        assertThat(BothStages.judge(LogFormat.XML_ERRORS, loneSurrogate).fileReject()).contains(FileRejectReason.MALFORMED_FILE);
    }

    @Test
    void jsonInUtf16OrUtf32IsNotItsFormat() {
        String line = Records.access("2024-11-29T01:00:00Z") + "\n";
        for (byte[] file : new byte[][] {
                concat(UTF16LE_BOM, line.getBytes(StandardCharsets.UTF_16LE)),
                concat(UTF16BE_BOM, line.getBytes(StandardCharsets.UTF_16BE)),
                line.getBytes(StandardCharsets.UTF_16LE),
                line.getBytes(StandardCharsets.UTF_16BE),
                concat(UTF32LE_BOM, line.getBytes(Charset.forName("UTF-32LE"))),
                concat(UTF32BE_BOM, line.getBytes(Charset.forName("UTF-32BE")))}) {
            BothStages.Verdict ndjson = BothStages.judge(LogFormat.NDJSON, file);
            assertThat(ndjson.fileReject()).contains(FileRejectReason.FORMAT_MISMATCH);
            assertThat(ndjson.detail()).contains("must be UTF-8");
            assertThat(BothStages.judge(LogFormat.JSON_GZIP, gzip(file)).fileReject()).contains(FileRejectReason.FORMAT_MISMATCH);
        }
        byte[] array = ("[" + line + "]").getBytes(StandardCharsets.UTF_16LE);
        assertThat(BothStages.judge(LogFormat.JSON_GZIP, gzip(concat(UTF16LE_BOM, array))).fileReject())
                .contains(FileRejectReason.FORMAT_MISMATCH);
        assertThat(BothStages.judge(LogFormat.JSON_GZIP, gzip(array)).fileReject()).contains(FileRejectReason.FORMAT_MISMATCH);
    }

    @Test
    void aUtf8ByteOrderMarkStillOpensJson() {
        String line = Records.access("2024-11-29T01:00:00Z") + "\n";

        assertThat(BothStages.judge(LogFormat.NDJSON, concat(UTF8_BOM, line.getBytes(StandardCharsets.UTF_8))).processed()).hasSize(1);
        assertThat(BothStages.judge(LogFormat.JSON_GZIP, gzip(concat(UTF8_BOM, ("[" + line + "]").getBytes(StandardCharsets.UTF_8))))
                .processed()).hasSize(1);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
