package io.atlas.domain.file;

import static io.atlas.domain.testing.Bytes.gzip;
import static io.atlas.domain.testing.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.testing.BothStages;
import io.atlas.domain.testing.Records;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §2 "MALFORMED_FILE (XML document or JSON array not well-formed)": a file that is not well-formed anywhere is a
 * file-level reject in ingestion and in normalization alike, whatever its first records were.
 */
class MalformedFileTest {
    private static final String A = Records.access("2024-11-29T01:00:00Z");
    private static final String B = Records.access("2024-11-29T02:00:00Z");
    private static final String GOOD_RUN = IntStream.range(0, 1000)
            .mapToObj(i -> Records.access(String.format("2024-11-29T%02d:%02d:00Z", i / 60 % 24, i % 60)))
            .collect(Collectors.joining(",\n"));

    private static BothStages.Verdict jsonArray(String array) {
        return BothStages.judge(LogFormat.JSON_GZIP, gzip(array));
    }

    private static BothStages.Verdict xml(String document) {
        return BothStages.judge(LogFormat.XML_ERRORS, utf8(document));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"timestamp\": \"2024-11-29T03:00:00Z\", \"ip\": }",
            "{\"a\": tru}",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "{a: 1}",
            "{'a': 1}",
            "{\"a\": NaN}",
            "{\"a\": 01}",
            "{\"a\": \"bad \\q escape\"}",
            "{\"a\": \"\\u12\"}",
            "{\"a\": \"raw\ttab\"}",
            "1 2",
            "{\"a\": 1} garbage",
            "{\"a\": [1, 2}",
            "{\"a\": {\"b\": 1]}"})
    void aBrokenElementInTheMiddleOfAGzippedArrayRejectsTheFile(String broken) {
        BothStages.Verdict verdict = jsonArray("[" + A + ",\n" + broken + ",\n" + B + "]");

        assertThat(verdict.fileReject()).contains(FileRejectReason.MALFORMED_FILE);
        assertThat(verdict.detail()).startsWith("JSON array is not well-formed: ").contains("element 2");
    }

    @Test
    void aMissingCommaBetweenObjectsRejectsTheFile() {
        for (String array : List.of("[" + A + " " + B + "]", "[" + A + ",\n" + B + "\n" + A + "]", "[\n  " + A + "\n  " + B + "\n]",
                "[" + A + "{}]", "[" + A + ", \"s\" " + B + "]", "[[1] " + A + "]",
                "[" + A + ", 4 2]", "[" + A + ", tru e, " + B + "]", "[" + A + ", null\n" + B + "]")) {
            assertThat(jsonArray(array).fileReject()).as(array).contains(FileRejectReason.MALFORMED_FILE);
        }
    }

    @Test
    void aMissingCommaIsFoundEvenInAnElementOverTheRecordLimit() {
        String huge = "{\"timestamp\": \"2024-11-29T03:00:00Z\", \"message\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";

        assertThat(jsonArray("[" + A + ", " + huge + " " + B + "]").fileReject()).contains(FileRejectReason.MALFORMED_FILE);
        assertThat(jsonArray("[" + A + ", " + huge + ", " + B + "]").rejectReasons())
                .containsExactly(RejectReason.RECORD_TOO_LARGE);
    }

    @Test
    void aBrokenElementAfterAThousandGoodOnesStillRejectsTheFile() {
        BothStages.Verdict verdict = jsonArray("[" + GOOD_RUN + ",\n{\"timestamp\": \"2024-11-29T03:00:00Z\",, \"ip\": \"1\"},\n" + B + "]");

        assertThat(verdict.fileReject()).contains(FileRejectReason.MALFORMED_FILE);
        assertThat(verdict.detail()).contains("element 1001");
    }

    @Test
    void wellFormedElementsThatAreNotObjectsStayRowRejectsOfARoutedFile() {
        BothStages.Verdict verdict = jsonArray("[" + A + ", 42, \"s\", null, true, [1, {\"x\": \"],\"}], {}, " + B + "]");

        assertThat(verdict.fileReject()).isEmpty();
        assertThat(verdict.processed()).hasSize(2);
        assertThat(verdict.rejectReasons()).containsExactly(RejectReason.MALFORMED_RECORD, RejectReason.MALFORMED_RECORD,
                RejectReason.MALFORMED_RECORD, RejectReason.MALFORMED_RECORD, RejectReason.MALFORMED_RECORD,
                RejectReason.MISSING_FIELD);
    }

    @Test
    void aBrokenLineOfGzippedNdjsonIsOneRowNotAFileReject() {
        BothStages.Verdict verdict = BothStages.judge(LogFormat.JSON_GZIP, gzip(A + "\n{\"a\": tru}\n" + A + " " + B + "\n" + B + "\n"));

        assertThat(verdict.fileReject()).isEmpty();
        assertThat(verdict.rejectReasons()).containsExactly(RejectReason.MALFORMED_RECORD, RejectReason.MALFORMED_RECORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "</errors>garbage",
            "</errors><errors></errors>",
            "</errors><",
            "</errors>\n<error/>",
            "",
            "<error><errorTime>2024-11-29T03:00:00Z</errorTime></eror></errors>",
            "<error><message>a & b</message></error></errors>",
            "<error><message>a < b</message></error></errors>",
            "<error id=1><errorTime>2024-11-29T03:00:00Z</errorTime></error></errors>",
            "<error><errorTime>2024-11-29T03:00:00Z</errorTime></errors>",
            "<error><message>&nbsp;</message></error></errors>",
            "<error><message>&#0;</message></error></errors>",
            "<error><message>\u0001</message></error></errors>"})
    void anXmlDocumentBrokenAfterGoodRecordsRejectsTheFile(String tail) {
        BothStages.Verdict verdict = xml("<errors>\n" + Records.error("2024-11-29T01:00:00Z") + Records.error("2024-11-29T02:00:00Z") + tail);

        assertThat(verdict.fileReject()).contains(FileRejectReason.MALFORMED_FILE);
        assertThat(verdict.detail()).startsWith("XML document");
    }

    @Test
    void anXmlDocumentBrokenAfterAThousandGoodRecordsRejectsTheFile() {
        String records = IntStream.range(0, 1000).mapToObj(i -> Records.error("2024-11-29T10:00:00Z")).collect(Collectors.joining());

        assertThat(xml("<errors>" + records + "<error><oops></error></errors>").fileReject()).contains(FileRejectReason.MALFORMED_FILE);
        assertThat(xml("<errors>" + records + "</errors>\n<!-- a trailing comment --><?pi data?>\n").processed()).hasSize(1000);
    }

    @Provide
    Arbitrary<String> breakages() {
        return Arbitraries.of(" " + B, ",,", "}", "{", "x", ":", "\"", "]", ",]");
    }

    @Property(tries = 200)
    void insertingAStructuralFaultAnywhereBetweenElementsRejectsTheFile(@ForAll("breakages") String fault,
            @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 9) int at) {
        List<String> elements = IntStream.range(0, 10).mapToObj(i -> Records.access("2024-11-29T0" + i + ":00:00Z")).toList();
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            array.append(i == 0 ? "" : ", ").append(elements.get(i));
            if (i == at) {
                array.append(fault);
            }
        }
        array.append(']');

        assertThat(jsonArray(array.toString()).fileReject()).as(array.toString()).contains(FileRejectReason.MALFORMED_FILE);
    }
}
