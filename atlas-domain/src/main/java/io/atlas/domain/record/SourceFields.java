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
    /** Bit {@code ordinal} set: that field was set since the last clear (readers clear several times per record). */
    private long present;

    public void clear() {
        long set = present;
        while (set != 0) {
            int ordinal = Long.numberOfTrailingZeros(set);
            kinds[ordinal] = null;
            texts[ordinal] = null;
            set &= set - 1;
        }
        present = 0;
    }

    public void set(SourceField field, ValueKind kind, String text) {
        int ordinal = field.ordinal();
        kinds[ordinal] = kind;
        texts[ordinal] = text;
        present |= 1L << ordinal;
    }

    public @Nullable ValueKind kind(SourceField field) {
        return kinds[field.ordinal()];
    }

    /** The text as written: string contents, a number's literal, {@code true}/{@code false}, or empty for null and structures. */
    public @Nullable String text(SourceField field) {
        return texts[field.ordinal()];
    }
}
