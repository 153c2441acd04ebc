package io.atlas.domain.file;

import io.atlas.domain.record.SourceField;

/**
 * {@link TextCache} for text the XML parser has already decoded: one thread's recent field values by their
 * characters, so a value that repeats (a service, an error code, a message) is one {@code String} instead of a new
 * one per record, and the same instance downstream, where the writer's caches match it by identity and its hash is
 * computed once. Direct-mapped, one cache a field, values longer than {@link #MAX_KEPT_CHARS} never kept, a field
 * whose values do not repeat passed by ({@link CacheUse}); a hit is always the same characters. Not thread-safe:
 * {@link #forThisThread} gives each thread its own.
 */
final class CharTextCache {
    private static final int SLOT_BITS = 12;
    static final int MAX_KEPT_CHARS = 128;
    private static final int MIX = 0x9e3779b9;

    private static final ThreadLocal<CharTextCache[]> BY_THREAD =
            ThreadLocal.withInitial(() -> new CharTextCache[SourceField.values().length]);

    private final String[] texts = new String[1 << SLOT_BITS];
    private final CacheUse use = new CacheUse();

    /** This thread's caches, one a {@link SourceField} by its ordinal, each made at its first {@link #of}. */
    static CharTextCache[] forThisThread() {
        return BY_THREAD.get();
    }

    /** The cache of {@code field} among a thread's {@code caches}. */
    static CharTextCache of(CharTextCache[] caches, SourceField field) {
        CharTextCache cache = caches[field.ordinal()];
        if (cache == null) {
            cache = new CharTextCache();
            caches[field.ordinal()] = cache;
        }
        return cache;
    }

    /** The text of {@code chars[start, end)}, the cached instance if it holds the same characters. */
    String text(StringBuilder chars, int start, int end) {
        int length = end - start;
        if (length > MAX_KEPT_CHARS || !use.lookUp()) {
            return chars.substring(start, end);
        }
        int hash = length;
        for (int i = start; i < end; i++) {
            hash = (hash ^ chars.charAt(i)) * MIX;
        }
        int slot = hash >>> (Integer.SIZE - SLOT_BITS);
        String kept = texts[slot];
        boolean hit = kept != null && kept.length() == length && sameChars(kept, chars, start);
        use.looked(hit);
        if (hit) {
            return kept;
        }
        String text = chars.substring(start, end);
        texts[slot] = text;
        return text;
    }

    private static boolean sameChars(String kept, StringBuilder chars, int start) {
        for (int i = 0; i < kept.length(); i++) {
            if (kept.charAt(i) != chars.charAt(start + i)) {
                return false;
            }
        }
        return true;
    }
}
