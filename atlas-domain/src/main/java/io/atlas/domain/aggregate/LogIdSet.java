package io.atlas.domain.aggregate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The set of distinct {@code log_id}s of a day, exact and compact: each id (SHA-256, 64 hex characters) is stored as
 * its 32 bytes in four {@code long}s of one open-addressing table ({@link OpenLongTuples}), about 43 bytes per id at
 * the maximum load. The ids' own bits are uniform, so their first word is the hash: its low 32 bits, scaled to the
 * table's slots (any number of them, not only a power of two), pick the first slot. A table {@link #LogIdSet(long)
 * sized} for a day holds its ids at {@link #SIZED_LOAD}, about 46 bytes an id; a power of two would give 43 to 85,
 * and the aggregate would plan its passes for the worst (round 7: a 1M-record day took two passes under
 * {@code -Xmx512m}).
 */
final class LogIdSet extends OpenLongTuples {
    private static final long serialVersionUID = 1L;
    private static final double MAX_LOAD = 0.75;
    /** The load a sized table holds its expected ids at: under {@link #MAX_LOAD}, so they never make it grow. */
    static final double SIZED_LOAD = 0.7;

    private static final int MIN_SLOTS = 1024;
    /** The most slots a table starts with: 2^26 slots are 2 GiB, more than any budget gives one stripe. */
    private static final int MAX_INITIAL_SLOTS = 1 << 26;

    LogIdSet() {
        super(4, MIN_SLOTS, MAX_LOAD);
    }

    /** A set that holds {@code expectedIds} ids without doubling: its table starts at the size growth would reach. */
    LogIdSet(long expectedIds) {
        super(4, slotsFor(expectedIds), MAX_LOAD);
    }

    /** The slots that hold {@code ids} at {@link #SIZED_LOAD}: at least {@link #MIN_SLOTS}, at most {@link #MAX_INITIAL_SLOTS}. */
    static int slotsFor(long ids) {
        return (int) Math.max(MIN_SLOTS, Math.min(MAX_INITIAL_SLOTS, (long) Math.ceil(ids / SIZED_LOAD)));
    }

    /** Adds an id given as 64 hex characters at {@code offset}; true when it was not there yet. */
    public boolean add(byte[] hex, int offset) {
        return add(word(hex, offset), hex, offset);
    }

    /** {@link #add(byte[], int)} for a caller that decoded the id's first word already. */
    boolean add(long a, byte[] hex, int offset) {
        return add(a, word(hex, offset + 16), word(hex, offset + 32), word(hex, offset + 48));
    }

    /** Adds an id given as its four words (its 32 bytes, big-endian); true when it was not there yet. */
    boolean add(long a, long b, long c, long d) {
        if ((a | b | c | d) == 0) {
            return addZero();
        }
        return counted(insert(slots, a, b, c, d));
    }

    /** Adds an id given as text. */
    public boolean add(String hex) {
        return add(hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
    }

    /** Probes for a non-zero id; true when it was put in an empty slot, false when it was there. */
    private static boolean insert(long[] slots, long a, long b, long c, long d) {
        int capacity = slots.length >>> 2;
        // the low half of the first word (its top bits are the stripe, the same for every id of this table)
        int slot = (int) (((a & 0xFFFF_FFFFL) * capacity) >>> 32);
        while (true) {
            int base = slot << 2;
            long x = slots[base];
            long y = slots[base + 1];
            long z = slots[base + 2];
            long w = slots[base + 3];
            if (x == a && y == b && z == c && w == d) {
                return false;
            }
            if ((x | y | z | w) == 0) {
                slots[base] = a;
                slots[base + 1] = b;
                slots[base + 2] = c;
                slots[base + 3] = d;
                return true;
            }
            if (++slot == capacity) {
                slot = 0;
            }
        }
    }

    @Override
    void place(long[] from, int base) {
        insert(slots, from[base], from[base + 1], from[base + 2], from[base + 3]);
    }

    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** The 64 bits of 16 hex characters (either case) at {@code offset}, eight characters at a time. */
    static long word(byte[] hex, int offset) {
        return (eightHexDigits(hex, offset) << 32) | eightHexDigits(hex, offset + 8);
    }

    /**
     * The 32 bits of 8 hex characters, decoded in one {@code long} (SWAR): each byte checked to be a digit or a
     * letter a-f of either case, mapped to its nibble, and the nibbles packed; no table lookup per character.
     */
    private static long eightHexDigits(byte[] hex, int offset) {
        long x = (long) BIG_ENDIAN_LONG.get(hex, offset);
        long digits = between(x, '0' - 1, '9' + 1);
        long letters = between(x | 0x2020202020202020L, 'a' - 1, 'f' + 1);
        if ((digits | letters) != HIGH_BITS) {
            throw new IllegalArgumentException("Invalid log_id: not 64 hex characters");
        }
        long nibbles = (x & 0x0F0F0F0F0F0F0F0FL) + 9 * ((x >>> 6) & ONES);
        long bytes = (nibbles | (nibbles >>> 4)) & 0x00FF00FF00FF00FFL;
        long shorts = (bytes | (bytes >>> 8)) & 0x0000FFFF0000FFFFL;
        return (shorts | (shorts >>> 16)) & 0xFFFFFFFFL;
    }

    /** The high bit of each byte of {@code x} that is ASCII and strictly between {@code low} and {@code high}. */
    private static long between(long x, int low, int high) {
        long ascii = x & (0x7F * ONES);
        return ((0x7F + high) * ONES - ascii) & ~x & (ascii + (0x7F - low) * ONES) & HIGH_BITS;
    }
}
