package io.atlas.domain.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.testing.Bytes;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Example;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Each element of a gzip'd JSON array is read as its exact bytes, whatever its strings hold (escapes, quotes,
 * brackets, long runs that cross the read buffer), and one over the record limit keeps its first bytes.
 */
class JsonArrayElementsTest {
    private static final int LIMIT = 2048;

    @Provide
    Arbitrary<List<String>> elements() {
        Arbitrary<String> content = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab ,:[]{}\u00e9").ofMaxLength(30),
                Arbitraries.of("\\\"", "\\\\", "\\n", "\\u0041", "]", ",", "\\\\\\\""),
                Arbitraries.strings().withChars("xyz").ofMinLength(500).ofMaxLength(3000));
        Arbitrary<String> string = content.list().ofMaxSize(4).map(parts -> "\"" + String.join("", parts) + "\"");
        Arbitrary<String> object = string.list().ofMaxSize(4).map(values -> {
            StringBuilder out = new StringBuilder("{");
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ", ").append("\"k").append(i).append("\": ").append(values.get(i));
            }
            return out.append('}').toString();
        });
        return Arbitraries.oneOf(object, string, object.map(o -> "[" + o + "]")).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 300)
    void elementsAreReadAsTheirBytes(@ForAll("elements") List<String> elements, @ForAll boolean spaced) throws Exception {
        assertElementsAreReadAsTheirBytes(elements, spaced);
    }

    /** Found by the property in CI: whitespace after an element just under the limit pushed it over. */
    @Example
    void whitespaceAfterAnElementAtTheLimitDoesNotCountTowardsIt() throws Exception {
        String object = "{\"k0\": \"" + "x".repeat(LIMIT - 10) + "\"}";
        assertThat(object.length()).isEqualTo(LIMIT);
        String inArray = "[{\"k0\": \"" + "x".repeat(LIMIT - 12) + "\"}]";
        assertThat(inArray.length()).isEqualTo(LIMIT);
        assertElementsAreReadAsTheirBytes(List.of(object, inArray, "\"" + "y".repeat(LIMIT - 2) + "\""), true);
        assertElementsAreReadAsTheirBytes(List.of("4" + "2".repeat(LIMIT - 1), "true"), true);
    }

    private static void assertElementsAreReadAsTheirBytes(List<String> elements, boolean spaced) throws Exception {
        String array = "[" + String.join(spaced ? " ,\n  " : ",", elements) + (spaced ? " \n]" : "]");
        List<String> raw = new ArrayList<>();
        List<RejectReason> reasons = new ArrayList<>();
        try (RecordCursor cursor = RecordCursors.open(LogFormat.JSON_GZIP,
                new ByteArrayInputStream(Bytes.gzip(array)), ReadLimits.DEFAULTS.withMaxRecordBytes(LIMIT))) {
            while (cursor.next()) {
                raw.add(cursor.rawText());
                reasons.add(cursor.problem() == null ? null : cursor.problem().reason());
            }
        }
        assertThat(raw).hasSameSizeAs(elements);
        for (int i = 0; i < elements.size(); i++) {
            byte[] bytes = elements.get(i).getBytes(StandardCharsets.UTF_8);
            if (bytes.length > LIMIT) {
                assertThat(reasons.get(i)).isEqualTo(RejectReason.RECORD_TOO_LARGE);
                int cut = LIMIT;
                while ((bytes[cut] & 0xc0) == 0x80) {
                    cut--; // the kept start ends at a character boundary, without a U+FFFD for a cut character
                }
                assertThat(raw.get(i)).isEqualTo(Utf8.rawText(bytes, 0, cut));
            } else {
                assertThat(raw.get(i)).isEqualTo(elements.get(i));
                assertThat(reasons.get(i)).isNotEqualTo(RejectReason.RECORD_TOO_LARGE);
            }
        }
    }
}
