package io.atlas.domain.aggregate;

import java.io.Serializable;

/** An exact set of 128-bit values (two {@code long}s each) in one open-addressing table: 32 to 64 bytes per value. */
final class LongPairSet implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final double MAX_LOAD = 0.5;

    private long[] slots = new long[2 * 16];
    private boolean[] used = new boolean[16];
    private int size;

    int size() {
        return size;
    }

    long estimatedBytes() {
        return slots.length * 8L + used.length;
    }

    boolean add(long high, long low) {
        if (size + 1 > used.length * MAX_LOAD) {
            grow();
        }
        int mask = used.length - 1;
        long hash = (high * 0x9E3779B97F4A7C15L) ^ low;
        int mixed = (int) (hash ^ (hash >>> 32)) * 0x85EBCA6B;
        int slot = (mixed ^ (mixed >>> 15)) & mask;
        while (used[slot]) {
            if (slots[2 * slot] == high && slots[2 * slot + 1] == low) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        slots[2 * slot] = high;
        slots[2 * slot + 1] = low;
        size++;
        return true;
    }

    void addAll(LongPairSet other) {
        for (int i = 0; i < other.used.length; i++) {
            if (other.used[i]) {
                add(other.slots[2 * i], other.slots[2 * i + 1]);
            }
        }
    }

    private void grow() {
        long[] oldSlots = slots;
        boolean[] oldUsed = used;
        slots = new long[oldSlots.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                add(oldSlots[2 * i], oldSlots[2 * i + 1]);
            }
        }
    }
}
