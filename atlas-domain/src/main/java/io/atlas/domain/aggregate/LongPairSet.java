package io.atlas.domain.aggregate;

/**
 * An exact set of 128-bit values (two {@code long}s each) in one open-addressing table ({@link OpenLongTuples}): 32
 * to 64 bytes per value.
 */
final class LongPairSet extends OpenLongTuples {
    private static final long serialVersionUID = 2L;
    private static final double MAX_LOAD = 0.5;

    LongPairSet() {
        super(2, 16, MAX_LOAD);
    }

    boolean add(long high, long low) {
        if ((high | low) == 0) {
            return addZero();
        }
        return counted(insert(slots, high, low));
    }

    void addAll(LongPairSet other) {
        if (other.hasZero) {
            add(0, 0);
        }
        long[] from = other.slots;
        other.forEachSlot(base -> add(from[base], from[base + 1]));
    }

    @Override
    void place(long[] from, int base) {
        insert(slots, from[base], from[base + 1]);
    }

    /** Probes for a non-zero value; true when it was put in an empty slot, false when it was there. */
    private static boolean insert(long[] slots, long high, long low) {
        int mask = (slots.length >>> 1) - 1;
        long hash = (high * 0x9E3779B97F4A7C15L) ^ low;
        int mixed = (int) (hash ^ (hash >>> 32)) * 0x85EBCA6B;
        int slot = (mixed ^ (mixed >>> 15)) & mask;
        while (true) {
            long h = slots[2 * slot];
            long l = slots[2 * slot + 1];
            if (h == high && l == low) {
                return false;
            }
            if ((h | l) == 0) {
                slots[2 * slot] = high;
                slots[2 * slot + 1] = low;
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }
}
