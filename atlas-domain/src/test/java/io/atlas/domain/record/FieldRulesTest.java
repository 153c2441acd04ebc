package io.atlas.domain.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FieldRulesTest {
    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(
                Arbitraries.of("GET", "post", " Put ", "DELETE\t", "pAtCh", "ß", "ﬁx", "İ", "ıget", "GET-X", "G3T", "\u00e9"),
                Arbitraries.strings().withChars("AZaz \t\u00df\u0131\u00e9-@[`{").ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(8));
    }

    @Property(tries = 2000)
    void theRequestTypeIsTrimmedAndUpperCasedWhateverTheText(@ForAll("methods") String method) {
        assertThat(FieldRules.canonicalRequestType(method)).isEqualTo(method.strip().toUpperCase(Locale.ROOT));
    }

    @Provide
    Arbitrary<String> maybeBlank() {
        // Every kind of whitespace first or alone, and characters around the fast path's bounds (' ', '!', DEL, NBSP).
        return Arbitraries.strings().withChars(" \t\n\u000b\f\r\u001c\u001f!~\u007f\u0085\u00a0\u2003\u3000x").ofMaxLength(4)
                .injectDuplicates(0.1).edgeCases(edges -> edges.add(""));
    }

    @Property(tries = 2000)
    void blankIsStringsBlankWhateverTheFirstCharacter(@ForAll("maybeBlank") String text) {
        assertThat(FieldRules.isBlank(text)).isEqualTo(text.isBlank());
    }

    @Provide
    Arbitrary<java.util.List<java.util.Set<SourceField>>> recordsOfFields() {
        return Arbitraries.of(SourceField.class).set().ofMaxSize(SourceField.values().length).list().ofMaxSize(6);
    }

    @Property(tries = 500)
    void fieldsClearedBetweenRecordsLeaveNothingBehind(@ForAll("recordsOfFields") java.util.List<java.util.Set<SourceField>> records) {
        SourceFields fields = new SourceFields();
        for (java.util.Set<SourceField> record : records) {
            fields.clear();
            for (SourceField field : record) {
                fields.set(field, ValueKind.TEXT, field.sourceName());
            }
            for (SourceField field : SourceField.values()) {
                assertThat(fields.kind(field)).isEqualTo(record.contains(field) ? ValueKind.TEXT : null);
                assertThat(fields.text(field)).isEqualTo(record.contains(field) ? field.sourceName() : null);
            }
        }
        fields.clear();
        for (SourceField field : SourceField.values()) {
            assertThat(fields.kind(field)).isNull();
            assertThat(fields.text(field)).isNull();
        }
    }
}
