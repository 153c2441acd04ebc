package io.atlas.local.dataset;

import io.atlas.domain.file.CacheUse;
import java.nio.charset.StandardCharsets;
import org.apache.parquet.io.api.Binary;

/**
 * One writing thread's recent text values and their Parquet {@link Binary}s, so a value that repeats (an agent, a
 * page, a method, the source file) is encoded to UTF-8 once and reaches the column's dictionary writer as the same
 * byte array each time: parquet-java's dictionary compares a repeated value with its entry by identity, without
 * the byte-wise compare it otherwise does for every value. A small direct-mapped cache: a value that misses is
 * encoded as before and replaces the slot's; long texts are never kept. Each column has slots of its own
 * ({@link #of(int, String)}): a column of values that never repeat (a public site's client addresses) would
 * otherwise evict the agents and pages, whose Binaries were then made again and compared byte by byte; and a
 * column's cache that keeps missing is passed by for a while ({@link CacheUse}). A column whose values never repeat
 * ({@code log_id}) has no cache: its values go over one reused array ({@link #unique}). Not thread-safe.
 */
final class TextBinaries {
    private static final int SLOT_BITS = 15;
    /** Room for a column's few thousand addresses, agents or endpoints of a day. */
    private static final int SLOTS = 1 << SLOT_BITS;
    private static final int MAX_KEPT_LENGTH = 256;

    /** The caches of the columns by their index, each made at its first value. */
    private Slots[] columns = new Slots[0];
    /** The bytes of the last {@link #unique} value, and a Binary over them as long as the last value's. */
    private byte[] scratch = new byte[64];
    private Binary overScratch = Binary.fromReusedByteArray(scratch, 0, 0);

    /** The Binary of {@code text} in column {@code column} (its field index), through that column's cache. */
    Binary of(int column, String text) {
        if (column >= columns.length) {
            columns = java.util.Arrays.copyOf(columns, column + 1);
        }
        Slots slots = columns[column];
        if (slots == null) {
            slots = new Slots();
            columns[column] = slots;
        }
        return slots.of(text);
    }

    /**
     * The Binary of a value of a column whose values never repeat ({@code log_id}), over bytes reused for the next
     * such value: parquet-java copies a value it keeps (into a page, a dictionary or the statistics) as a Binary over
     * reused bytes requires, so an ASCII value costs no array and no copy of its own, and one of the last value's
     * length (every {@code log_id} is 64 characters) not even a Binary. Other text is encoded as {@link #encode} does.
     */
    Binary unique(String text) {
        int length = text.length();
        if (length > scratch.length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
            overScratch = Binary.fromReusedByteArray(scratch, 0, 0);
        }
        byte[] bytes = scratch;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return encode(text);
            }
            bytes[i] = (byte) c;
        }
        if (overScratch.length() != length) {
            overScratch = Binary.fromReusedByteArray(bytes, 0, length);
        }
        return overScratch;
    }

    /** One column's direct-mapped cache. */
    private static final class Slots {
        private final String[] texts = new String[SLOTS];
        private final Binary[] binaries = new Binary[SLOTS];
        private final CacheUse use = new CacheUse();

        Binary of(String text) {
            if (text.length() > MAX_KEPT_LENGTH || !use.lookUp()) {
                return encode(text);
            }
            int hash = text.hashCode();
            int slot = slot(hash, SLOT_BITS);
            String kept = texts[slot];
            boolean hit = kept == text || text.equals(kept);
            use.looked(hit);
            if (hit) {
                return binaries[slot];
            }
            Binary binary = encode(text);
            texts[slot] = text;
            binaries[slot] = binary;
            return binary;
        }
    }

    /** A slot of a table of {@code 2^bits} from a hash: its top bits after a Fibonacci multiply, spread over the table. */
    static int slot(int hash, int bits) {
        return (hash * 0x9e3779b9) >>> (Integer.SIZE - bits);
    }

    /** An array-backed Binary: the dictionary writers hash and compare it faster than fromString's ByteBuffer one. */
    static Binary encode(String text) {
        return Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8));
    }
}
