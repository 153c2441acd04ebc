package io.atlas.domain.aggregate;

import java.io.Serializable;

/**
 * The storage of an exact set of fixed-width tuples of {@code long}s ({@link LogIdSet}: four, {@link LongPairSet}:
 * two) in one open-addressing array. An all-zero tuple marks an empty slot, and the all-zero value itself, should it
 * be added, is a flag of its own, so a probe reads one array (one cache miss, not two as with a separate
 * {@code used} array). The subclasses probe; this class holds the slots and doubles them.
 */
abstract class OpenLongTuples implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int width;
    private final double maxLoad;
    /** The tuples, {@code width} longs a slot; the number of slots is the subclass's to choose (it probes). */
    long[] slots;
    int size;
    boolean hasZero;

    OpenLongTuples(int width, int initialSlots, double maxLoad) {
        this.width = width;
        this.maxLoad = maxLoad;
        this.slots = new long[width * initialSlots];
    }

    final int size() {
        return size;
    }

    final long estimatedBytes() {
        return slots.length * 8L;
    }

    /** Counts the all-zero tuple, which no slot can hold (a zero slot is empty); true when it was not there yet. */
    final boolean addZero() {
        if (hasZero) {
            return false;
        }
        hasZero = true;
        size++;
        return true;
    }

    /**
     * Counts a tuple an insert placed, and doubles the slots once the tuples pass the load (so a repeated tuple never
     * grows the table: a probe of a table within the load always finds it or an empty slot); passes the insert's
     * answer on.
     */
    final boolean counted(boolean inserted) {
        if (inserted) {
            size++;
            if (size > (slots.length / width) * maxLoad) {
                grow();
            }
        }
        return inserted;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int base = 0; base < old.length; base += width) {
            if (!isEmpty(old, base)) {
                place(old, base);
            }
        }
    }

    /** Whether the slot at {@code base} of {@code tuples} is empty (all zero). */
    final boolean isEmpty(long[] tuples, int base) {
        for (int i = 0; i < width; i++) {
            if (tuples[base + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Puts the tuple at {@code base} of {@code from}, known to be absent and not zero, into an empty slot. */
    abstract void place(long[] from, int base);

    /** Calls {@code each} with the base of every occupied slot (not the zero flag). */
    final void forEachSlot(java.util.function.IntConsumer each) {
        for (int base = 0; base < slots.length; base += width) {
            if (!isEmpty(slots, base)) {
                each.accept(base);
            }
        }
    }
}
