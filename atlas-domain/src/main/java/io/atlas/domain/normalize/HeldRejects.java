package io.atlas.domain.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Reject rows held until their owner or their line numbers are known, within a bound of rows and characters
 * ({@link #MAX_ROWS} and {@link #MAX_CHARS} by default); past either the rows are dropped from memory ({@link #overflowed()}) and the caller
 * reads the file again for them. The count stays exact.
 */
final class HeldRejects<T> {
    static final int MAX_ROWS = 10_000;
    static final long MAX_CHARS = 16L * 1024 * 1024;

    private final int maxRows;
    private final long maxChars;
    private final List<T> rows = new ArrayList<>();
    private long count;
    private long chars;
    private boolean overflowed;

    HeldRejects() {
        this(MAX_ROWS, MAX_CHARS);
    }

    HeldRejects(int maxRows, long maxChars) {
        this.maxRows = maxRows;
        this.maxChars = maxChars;
    }

    void add(T row, RejectRow content) {
        count++;
        if (overflowed) {
            return;
        }
        chars += content.rawRecord().length() + content.reasonDetail().length();
        if (rows.size() >= maxRows || chars > maxChars) {
            overflowed = true;
            rows.clear();
            return;
        }
        rows.add(row);
    }

    long count() {
        return count;
    }

    boolean overflowed() {
        return overflowed;
    }

    /** The held rows, in arrival order; empty once overflowed. */
    List<T> rows() {
        return List.copyOf(rows);
    }
}
