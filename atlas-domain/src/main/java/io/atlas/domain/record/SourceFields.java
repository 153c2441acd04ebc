package io.atlas.domain.record;

import org.jspecify.annotations.Nullable;

/**
 * The fields of one source record as written (kind and text), before validation. Absent fields are
 * {@code null}. A later occurrence of the same field replaces an earlier one (as most JSON parsers do).
 * Mutable and reused by a reader from record to record.
 */
public final class SourceFields {
    private final ValueKind[] kinds = new ValueKind[SourceField.count()];
    private final String[] texts = new String[SourceField.count()];

    public void clear() {
        java.util.Arrays.fill(kinds, null);
        java.util.Arrays.fill(texts, null);
    }

    public void set(SourceField field, ValueKind kind, String text) {
        kinds[field.ordinal()] = kind;
        texts[field.ordinal()] = text;
    }

    public @Nullable ValueKind kind(SourceField field) {
        return kinds[field.ordinal()];
    }

    /** The text as written: string contents, a number's literal, {@code true}/{@code false}, or empty for null and structures. */
    public @Nullable String text(SourceField field) {
        return texts[field.ordinal()];
    }
}
