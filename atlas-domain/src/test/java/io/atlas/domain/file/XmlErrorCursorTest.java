package io.atlas.domain.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.record.SourceField;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
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
 * An XML record's fields and raw text, whatever chunks its text arrives in: entities, CDATA sections and comments
 * cut a field's text into several chunks, and so do the parser's reads, which the property cuts anywhere.
 */
class XmlErrorCursorTest {
    @Example
    void aFieldInSeveralChunksIsItsWholeTextTrimmedAndItsRawTextKeepsTheMarkupEscaped() throws IOException {
        String xml = "<errors><error><service> a &amp; b &lt;c&gt; </service>"
                + "<message> x <![CDATA[<y>]]><!-- no --> z </message><clientIp>10.0.0.1</clientIp></error></errors>";
        assertThat(outcome(xml, Integer.MAX_VALUE)).containsExactly(
                "1 ok message=x <y> z service=a & b <c> client_ip=10.0.0.1 | <error><service> a &amp; b &lt;c> </service>"
                        + "<message> x &lt;y> z </message><clientIp>10.0.0.1</clientIp></error>",
                "end");
    }

    @Provide
    Arbitrary<String> documents() {
        Arbitrary<String> piece = Arbitraries.oneOf(Arbitraries.strings().withChars("ab é\n").ofMaxLength(10),
                Arbitraries.of("&amp;", "&lt;", "<![CDATA[<x>&]]>", "<!-- c -->", "<b>1</b>", "\u20ac"),
                Arbitraries.strings().withChars("y").ofMinLength(500).ofMaxLength(3000));
        Arbitrary<String> text = piece.list().ofMaxSize(4).map(parts -> String.join("", parts));
        Arbitrary<String> field = Arbitraries.of("errorTime", "clientIp", "service", "errorCode", "message", "other", "d\u00e9j\u00e0")
                .flatMap(name -> text.map(t -> "<" + name + ">" + t + "</" + name + ">"));
        Arbitrary<String> record = Arbitraries.oneOf(field.list().ofMaxSize(5).map(f -> "<error>" + String.join("\n ", f) + "</error>"),
                field.map(f -> "<warning>" + f + "</warning>"));
        return record.list().ofMaxSize(5).map(records -> "<?xml version=\"1.0\"?>\n<errors>\n" + String.join("\n", records)
                + "\n</errors>\n");
    }

    @Property(tries = 300)
    void aDocumentReadsTheSameInOneReadAndInPieces(@ForAll("documents") String xml,
            @ForAll @IntRange(min = 1, max = 64) int piece) throws IOException {
        assertThat(outcome(xml, piece)).isEqualTo(outcome(xml, Integer.MAX_VALUE));
    }

    /**
     * A record's size is its raw text's UTF-8 bytes, markup escaped again: a record over the limit says that size, and
     * one within it is read. (The generated text has no surrogate pairs, which a parser's read may cut in two.)
     */
    @Property(tries = 300)
    void aRecordIsTooLargeExactlyWhenItsRawTextIs(@ForAll("documents") String xml,
            @ForAll @IntRange(min = 1024, max = 3000) int limit) throws IOException {
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxRecordBytes(limit);
        try (XmlErrorCursor cursor = new XmlErrorCursor(new StringReader(xml), limits)) {
            while (cursor.next()) {
                long bytes = cursor.rawText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                if (bytes > limit) {
                    assertThat(cursor.problem()).isNotNull();
                    assertThat(cursor.problem().detail()).startsWith("record of " + bytes + " bytes exceeds");
                } else {
                    assertThat(cursor.problem() == null ? null : cursor.problem().reason())
                            .isNotEqualTo(io.atlas.domain.record.RejectReason.RECORD_TOO_LARGE);
                }
            }
        }
    }

    /** A field value that repeats from record to record is one String, whatever text is around it. */
    @Example
    void aRepeatedFieldValueIsOneInstance() throws IOException {
        String xml = "<errors><error><service>auth</service></error><error><service>\n  auth </service></error></errors>";
        try (XmlErrorCursor cursor = new XmlErrorCursor(new StringReader(xml), ReadLimits.DEFAULTS)) {
            assertThat(cursor.next()).isTrue();
            String first = cursor.fields().text(SourceField.SERVICE);
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.fields().text(SourceField.SERVICE)).isEqualTo("auth").isSameAs(first);
        }
    }

    /** Each record as "index reason fields | raw text", then "end" or the file's fault. */
    private static List<String> outcome(String xml, int piece) throws IOException {
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxRecordBytes(4096);
        List<String> out = new ArrayList<>();
        try (XmlErrorCursor cursor = new XmlErrorCursor(new Pieces(xml, piece), limits)) {
            while (cursor.next()) {
                StringBuilder line = new StringBuilder().append(cursor.index()).append(' ');
                if (cursor.problem() == null) {
                    line.append("ok");
                    for (SourceField field : SourceField.values()) {
                        if (cursor.fields().kind(field) != null) {
                            line.append(' ').append(field.name().toLowerCase(java.util.Locale.ROOT)).append('=')
                                    .append(cursor.fields().text(field));
                        }
                    }
                } else {
                    line.append(cursor.problem().reason()).append(' ').append(cursor.problem().detail());
                }
                out.add(line.append(" | ").append(cursor.rawText()).toString());
            }
            out.add("end");
        } catch (FileContentException e) {
            out.add(e.reason() + " " + e.getMessage());
        }
        return out;
    }

    /** A reader that hands out at most {@code piece} characters a read. */
    private static final class Pieces extends Reader {
        private final StringReader in;
        private final int piece;

        Pieces(String text, int piece) {
            this.in = new StringReader(text);
            this.piece = piece;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, Math.min(length, piece));
        }

        @Override
        public void close() {
            in.close();
        }
    }
}
