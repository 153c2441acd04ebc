package io.atlas.domain.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.record.SourceField;
import io.atlas.domain.record.SourceFields;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A JSON array's elements come out the same however its bytes arrive, whole or in pieces of 1 to 64 bytes a read (so
 * that elements, strings and escapes cross the cursor's reads anywhere): the same rows, the same reasons and the same
 * file fault, message included. The fixed example pins the values themselves.
 */
class JsonArrayReadsTest {
    private static final int LIMIT = 1024;

    @Provide
    Arbitrary<String> arrays() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab ,:[]{}\u00e9\t").ofMaxLength(12),
                Arbitraries.of("\\\"", "\\\\", "\\n", "\\u0041", "\\", "\u0001"),
                Arbitraries.strings().withChars("x").ofMinLength(300).ofMaxLength(1200));
        Arbitrary<String> string = text.list().ofMaxSize(3).map(parts -> "\"" + String.join("", parts) + "\"");
        Arbitrary<String> value = Arbitraries.oneOf(string, Arbitraries.of("200", "-1.5", "true", "null", "{}", "[1]",
                "{\"a\": [2]}", "1 2", "]", "}", ""));
        Arbitrary<String> member = Arbitraries.of("ip", "status", "timestamp", "endpoint", "x")
                .flatMap(name -> value.map(v -> "\"" + name + "\": " + v));
        Arbitrary<String> object = member.list().ofMaxSize(4).map(members -> "{" + String.join(", ", members) + "}");
        Arbitrary<String> element = Arbitraries.oneOf(object, object, object, string, value,
                object.map(o -> o + "}"), object.map(o -> o + " " + o), object.map(o -> "[" + o + "]"));
        Arbitrary<String> separator = Arbitraries.of(",", ", ", ",\n  ", " ,", "\n,\n", ",,", "", " ");
        return arrays(element.list().ofMinSize(1).ofMaxSize(6), separator, Arbitraries.of("]", " ]\n", "", "] x", "]]"));
    }

    /** "[", the elements with a separator between each two, then the end. */
    private static Arbitrary<String> arrays(Arbitrary<List<String>> elementLists, Arbitrary<String> separator,
            Arbitrary<String> ends) {
        return elementLists.flatMap(elements -> separator.list().ofSize(elements.size() - 1).flatMap(separators ->
                ends.map(end -> {
                    StringBuilder out = new StringBuilder("[");
                    for (int i = 0; i < elements.size(); i++) {
                        out.append(i == 0 ? "" : separators.get(i - 1)).append(elements.get(i));
                    }
                    return out.append(end).toString();
                })));
    }

    @Property(tries = 500)
    void anArrayReadsTheSameInOneBufferAndInPieces(@ForAll("arrays") String array,
            @ForAll @IntRange(min = 1, max = 64) int piece) throws Exception {
        List<String> whole = outcome(array, Integer.MAX_VALUE);
        assertThat(outcome(array, piece)).isEqualTo(whole);
        assertThat(outcome(array, 1)).isEqualTo(whole);
    }

    /**
     * Arrays of log-like records, most of them flat objects the cursor reads in place when it has them whole: with
     * non-ASCII text, bytes that are not UTF-8 ({@code 0xff} where the text has {@code ¤}), escapes, nested values,
     * and elements just under and just over the record limit.
     */
    @Provide
    Arbitrary<byte[]> recordArrays() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("\"10.0.0.1\"", "\"caf\u00e9 \u20ac\"", "200", "-1.5", "true", "null", "\"\u00a4\"",
                        "\"a\\\"b\"", "{\"a\": 1}", "[]", "\"\"", "01"),
                Arbitraries.integers().between(LIMIT - 80, LIMIT + 8).map(n -> "\"" + "x".repeat(n) + "\""));
        Arbitrary<String> colon = Arbitraries.of(":", ": ", " : ", ":\t");
        Arbitrary<String> member = Arbitraries.of("ip", "status", "timestamp", "endpoint", "user_agent", "x", "\u00a4")
                .flatMap(name -> colon.flatMap(c -> value.map(v -> "\"" + name + "\"" + c + v)));
        Arbitrary<String> element = member.list().ofMaxSize(5).flatMap(members -> Arbitraries.of(", ", ",", ",\r\n ", " ,\t")
                .flatMap(comma -> Arbitraries.of("{|}", "{ | }", "\n{\n|\r\n}", "\t{|}")
                        .map(braces -> braces.replace("|", String.join(comma, members)))));
        Arbitrary<String> separator = Arbitraries.of(",", ", ", ",\n  ", " ,", "\n,\n");
        return arrays(element.list().ofMinSize(1).ofMaxSize(8), separator, Arbitraries.of("]", " ]\n", "] x"))
                .map(array -> withInvalidBytes(array.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 500)
    void recordsReadInPlaceReadAsWhenFramedFirst(@ForAll("recordArrays") byte[] array,
            @ForAll @IntRange(min = 1, max = 2048) int piece) throws Exception {
        // Whole, the cursor has (nearly) every element in its buffer; a byte at a time, never one.
        List<String> framed = outcome(array, 1);
        assertThat(outcome(array, Integer.MAX_VALUE)).isEqualTo(framed);
        assertThat(outcome(array, piece)).isEqualTo(framed);
    }

    /**
     * Elements larger than the cursor's 64 KB read buffer, within the record limit, between small ones: the large
     * ones never fit the buffer whole and are framed, the small ones around them are read in place.
     */
    @Example
    void elementsLargerThanTheReadBufferAreFramedBetweenElementsReadInPlace() throws Exception {
        String big = "x".repeat(100_000);
        String array = "[{\"ip\": \"10.0.0.1\"}, {\"ip\": \"" + big + "\"}, {\"status\": 200},"
                + " {\"endpoint\": \"/" + big + big + "\"}, {\"ip\": \"10.0.0.2\"}]";
        byte[] bytes = array.getBytes(StandardCharsets.UTF_8);
        List<String> whole = outcome(bytes, Integer.MAX_VALUE, 1 << 20);
        assertThat(whole).hasSize(6).last().isEqualTo("end");
        assertThat(whole.get(1)).startsWith("2 ok ip=" + big + " | ");
        assertThat(whole.get(3)).startsWith("4 ok endpoint=/" + big + big + " | ");
        assertThat(whole.get(4)).isEqualTo("5 ok ip=10.0.0.2 | {\"ip\": \"10.0.0.2\"}");
        assertThat(outcome(bytes, 7_919, 1 << 20)).isEqualTo(whole);
    }

    /** {@code ¤} (C2 A4 in UTF-8) becomes the lone byte FF, which is not UTF-8. */
    private static byte[] withInvalidBytes(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == (byte) 0xc2 && i + 1 < bytes.length && bytes[i + 1] == (byte) 0xa4) {
                out.write(0xff);
                i++;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toByteArray();
    }

    /** The first and last elements are read in place (the last one's text outlives the array's end), the second framed. */
    @Example
    void flatObjectsAreReadWithTheirValues() throws Exception {
        String array = "[{\"ip\": \"10.0.0.1\", \"status\": 200},\n {\"ip\": \"a\\\"b\", \"endpoint\": \"/x]\"},"
                + " {\"ip\": \"10.0.0.2\", \"status\": 404} ]\n";
        assertThat(outcome(array, Integer.MAX_VALUE)).containsExactly(
                "1 ok ip=10.0.0.1 status=200 | {\"ip\": \"10.0.0.1\", \"status\": 200}",
                "2 ok ip=a\"b endpoint=/x] | {\"ip\": \"a\\\"b\", \"endpoint\": \"/x]\"}",
                "3 ok ip=10.0.0.2 status=404 | {\"ip\": \"10.0.0.2\", \"status\": 404}",
                "end");
    }

    /** Each element as "index reason fields | raw text", then "end" or the file's fault. */
    private static List<String> outcome(String array, int piece) throws IOException {
        return outcome(array.getBytes(StandardCharsets.UTF_8), piece);
    }

    private static List<String> outcome(byte[] bytes, int piece) throws IOException {
        return outcome(bytes, piece, LIMIT);
    }

    private static List<String> outcome(byte[] bytes, int piece, int recordLimit) throws IOException {
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxRecordBytes(recordLimit);
        List<String> out = new ArrayList<>();
        try (JsonArrayCursor cursor = new JsonArrayCursor(new Pieces(bytes, piece), limits, new JsonObjectReader(limits))) {
            while (cursor.next()) {
                out.add(cursor.index() + " " + (cursor.problem() == null ? "ok" + fields(cursor.fields())
                        : cursor.problem().reason() + " " + cursor.problem().detail()) + " | " + cursor.rawText());
            }
            out.add("end");
        } catch (FileContentException e) {
            out.add(e.reason() + " " + e.getMessage());
        }
        return out;
    }

    private static String fields(SourceFields fields) {
        StringBuilder out = new StringBuilder();
        for (SourceField field : SourceField.values()) {
            if (fields.kind(field) != null) {
                out.append(' ').append(field.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(fields.text(field));
            }
        }
        return out.toString();
    }

    /** A stream that hands out at most {@code piece} bytes a read. */
    private static final class Pieces extends InputStream {
        private final ByteArrayInputStream in;
        private final int piece;

        Pieces(byte[] bytes, int piece) {
            this.in = new ByteArrayInputStream(bytes);
            this.piece = piece;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, piece));
        }
    }
}
