package io.atlas.domain.aggregate;

/**
 * The set of distinct {@code log_id}s of a day, exact and compact: each id (SHA-256, 64 hex characters) is stored as
 * its 32 bytes in four {@code long}s of one open-addressing table, about 43 bytes per id at the maximum load. The ids'
 * own bits are uniform, so their first word is the hash.
 */
final class LogIdSet {
    private static final double MAX_LOAD = 0.75;
    private long[] slots = new long[4 * 1024];
    private boolean[] used = new boolean[1024];
    private int size;

    public int size() {
        return size;
    }

    /** Adds an id given as 64 hex characters at {@code offset}; true when it was not there yet. */
    public boolean add(byte[] hex, int offset) {
        return add(word(hex, offset), hex, offset);
    }

    /** {@link #add(byte[], int)} for a caller that decoded the id's first word already. */
    boolean add(long a, byte[] hex, int offset) {
        long b = word(hex, offset + 16);
        long c = word(hex, offset + 32);
        long d = word(hex, offset + 48);
        if (size + 1 > used.length * MAX_LOAD) {
            grow();
        }
        return insert(a, b, c, d);
    }

    /** Adds an id given as text. */
    public boolean add(String hex) {
        return add(hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
    }

    private boolean insert(long a, long b, long c, long d) {
        int mask = used.length - 1;
        int slot = (int) (a ^ (a >>> 29)) & mask;
        while (used[slot]) {
            int base = slot * 4;
            if (slots[base] == a && slots[base + 1] == b && slots[base + 2] == c && slots[base + 3] == d) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        int base = slot * 4;
        slots[base] = a;
        slots[base + 1] = b;
        slots[base + 2] = c;
        slots[base + 3] = d;
        size++;
        return true;
    }

    private void grow() {
        long[] oldSlots = slots;
        boolean[] oldUsed = used;
        slots = new long[oldSlots.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                int base = i * 4;
                insert(oldSlots[base], oldSlots[base + 1], oldSlots[base + 2], oldSlots[base + 3]);
            }
        }
    }

    private static final byte[] NIBBLES = new byte[256];

    static {
        java.util.Arrays.fill(NIBBLES, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            NIBBLES[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            NIBBLES[c] = (byte) (c - 'a' + 10);
            NIBBLES[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
        }
    }

    static long word(byte[] hex, int offset) {
        long value = 0;
        int invalid = 0;
        for (int i = offset; i < offset + 16; i++) {
            int nibble = NIBBLES[hex[i] & 0xff];
            invalid |= nibble;
            value = (value << 4) | (nibble & 0xf);
        }
        if (invalid < 0) {
            throw new IllegalArgumentException("Invalid log_id: not 64 hex characters");
        }
        return value;
    }
}
