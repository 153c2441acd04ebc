package io.atlas.domain.file;

import io.atlas.domain.record.SourceField;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One thread's recently read field values by their UTF-8 bytes, so a value that repeats (an agent, a page, a method,
 * a status, an address of a small set) is one {@code String} instead of a new one per record: no allocation and
 * copy, and the same instance downstream, where the writer's caches match it by identity and its hash is computed
 * once. A direct-mapped cache: a miss decodes the bytes as before and takes the slot; values longer than
 * {@link #MAX_KEPT_BYTES} are never kept. Values are compared byte for byte, so a hit is always the same text.
 *
 * <p>Each field has a cache of its own ({@link #forThisThread}): a field whose values never repeat (a public site's
 * client addresses) would otherwise evict every agent and page from the shared slots, so their lookups missed too
 * and each record allocated them all again (round 5, high-cardinality day). A field's cache that keeps missing is
 * passed by for a while ({@link CacheUse}).
 *
 * <p>Not thread-safe: {@link #forThisThread} gives each thread its own.
 */
final class TextCache {
    /** Room for a day's addresses and endpoints of a few thousand each without most of them evicting each other. */
    static final int SLOTS = 32768;
    static final int MAX_KEPT_BYTES = 128;
    /** Bytes of each end of a value that pick its slot (all of a value up to twice this). */
    private static final int HASHED_END = 16;

    private static final ThreadLocal<TextCache[]> BY_THREAD =
            ThreadLocal.withInitial(() -> new TextCache[SourceField.values().length]);

    /** Slot {@code s}'s bytes: the first {@code lengths[s]} of {@code keys[s]} (an array reused while it is long enough). */
    private final byte[][] keys = new byte[SLOTS][];
    private final int[] lengths = new int[SLOTS];
    private final String[] texts = new String[SLOTS];
    private final CacheUse use = new CacheUse();

    /** This thread's caches, one a {@link SourceField} by its ordinal, each made at its first {@link #of}. */
    static TextCache[] forThisThread() {
        return BY_THREAD.get();
    }

    /** The cache of {@code field} among a thread's {@code caches}. */
    static TextCache of(TextCache[] caches, SourceField field) {
        TextCache cache = caches[field.ordinal()];
        if (cache == null) {
            cache = new TextCache();
            caches[field.ordinal()] = cache;
        }
        return cache;
    }

    /** The text of valid UTF-8 {@code bytes[offset, offset + length)}, the cached instance if the same bytes are. */
    String text(byte[] bytes, int offset, int length) {
        if (length > MAX_KEPT_BYTES || !use.lookUp()) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        int slot = slot(bytes, offset, length);
        byte[] key = keys[slot];
        String kept = texts[slot];
        boolean hit = kept != null && lengths[slot] == length && Arrays.equals(key, 0, length, bytes, offset, offset + length);
        use.looked(hit);
        if (hit) {
            return kept;
        }
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (key == null || key.length < length) {
            key = new byte[Math.max(length, 16)];
            keys[slot] = key;
        }
        System.arraycopy(bytes, offset, key, 0, length);
        lengths[slot] = length;
        texts[slot] = text;
        return text;
    }

    private static int slot(byte[] b, int offset, int length) {
        int h = length;
        int end = offset + length;
        int head = Math.min(end, offset + HASHED_END);
        for (int i = offset; i < head; i++) {
            h = 31 * h + b[i];
        }
        for (int i = Math.max(head, end - HASHED_END); i < end; i++) {
            h = 31 * h + b[i];
        }
        h ^= h >>> 15;
        h *= 0x2c1b3c6d;
        h ^= h >>> 12;
        return h & (SLOTS - 1);
    }
}
