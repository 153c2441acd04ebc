package io.atlas.domain.file;

import io.atlas.domain.record.SourceField;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

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
    private static final int SLOT_BITS = 15;
    static final int SLOTS = 1 << SLOT_BITS;
    static final int MAX_KEPT_BYTES = 128;
    private static final long MIX = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

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
        boolean hit = kept != null && lengths[slot] == length && sameBytes(key, bytes, offset, length);
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

    /**
     * Whether {@code key}'s first {@code length} bytes are {@code bytes[offset, offset + length)}: eight at a time,
     * the last eight read where they end (overlapping the word before), so a value of an address's or an agent's
     * length costs a few compares, not {@code Arrays.equals}' range checks and call (6.5% of the gzip-json normalize
     * threads' samples, round 15).
     */
    static boolean sameBytes(byte[] key, byte[] bytes, int offset, int length) {
        if (length < Long.BYTES) {
            for (int i = 0; i < length; i++) {
                if (key[i] != bytes[offset + i]) {
                    return false;
                }
            }
            return true;
        }
        int last = length - Long.BYTES;
        for (int i = 0; i < last; i += Long.BYTES) {
            if ((long) LONGS.get(key, i) != (long) LONGS.get(bytes, offset + i)) {
                return false;
            }
        }
        return (long) LONGS.get(key, last) == (long) LONGS.get(bytes, offset + last);
    }

    /**
     * A slot from every byte of the value, eight at a time: values that differ only in their middle (user agents that
     * differ in a version number) must not share a slot, which a hash of a value's ends alone made them do.
     */
    static int slot(byte[] b, int offset, int length) {
        long h = length;
        int i = offset;
        int end = offset + length;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            h = (h ^ (long) LONGS.get(b, i)) * MIX;
        }
        for (; i < end; i++) {
            h = (h ^ b[i]) * MIX;
        }
        return (int) ((h ^ (h >>> 31)) * MIX >>> (Long.SIZE - SLOT_BITS));
    }
}
