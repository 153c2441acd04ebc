package io.atlas.domain.aggregate;

import java.nio.charset.StandardCharsets;

/**
 * A {@link LogIdSet} that several threads add to at once: ids are spread over {@value #STRIPES} sets by their
 * leading bits (uniform, as the ids are SHA-256), and each set is locked on its own, so threads rarely wait.
 */
public final class ConcurrentLogIdSet {
    static final int STRIPES = 64;
    /**
     * Heap per id of a {@link #sized} set, for planning passes: 32 bytes at {@link LogIdSet#SIZED_LOAD} (45.7), with
     * the stripes' room of four standard deviations.
     */
    public static final long BYTES_PER_ID = 48;

    private final LogIdSet[] stripes = new LogIdSet[STRIPES];

    public ConcurrentLogIdSet() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new LogIdSet();
        }
    }

    private ConcurrentLogIdSet(long idsPerStripe, int passes, int pass) {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = i % passes == pass ? new LogIdSet(idsPerStripe) : new LogIdSet();
        }
    }

    /**
     * An empty set for pass {@code pass} of {@code passes} (see {@link DistinctEvents#passOf}) of a day of at most
     * {@code rows} ids, whose pass's stripes start at the size that holds their share without growing: the ids are
     * uniform, so a stripe gets about {@code rows / 64} of them (with four standard deviations of room). Doubling a
     * table as it fills allocates and rehashes about as much again as the final tables hold, which was the
     * aggregate's largest allocation. The other passes' stripes stay at their smallest.
     */
    public static ConcurrentLogIdSet sized(long rows, int passes, int pass) {
        if (rows < 0 || passes < 1 || passes > STRIPES || pass < 0 || pass >= passes) {
            throw new IllegalArgumentException("Invalid set of " + rows + " rows for pass " + pass + " of " + passes);
        }
        double mean = rows / (double) STRIPES;
        long idsPerStripe = (long) Math.ceil(mean + 4 * Math.sqrt(mean));
        return new ConcurrentLogIdSet(idsPerStripe, passes, pass);
    }

    /**
     * The 64 bits of the 16 hex characters at {@code offset}: an id's words are at its offsets 0, 16, 32 and 48
     * (for {@link #add(long, long, long, long)}); the leading six bits of the first are its stripe.
     */
    public static long word(byte[] hex, int offset) {
        return LogIdSet.word(hex, offset);
    }

    /** The stripe of an id whose first {@link #word} is {@code first}: 0 to 63. */
    static int stripeOf(long first) {
        return (int) (first >>> 58);
    }

    /** Adds an id given as 64 hex characters at {@code offset}; true when it was not there yet. */
    public boolean add(byte[] hex, int offset) {
        long first = word(hex, offset);
        LogIdSet stripe = stripes[stripeOf(first)];
        synchronized (stripe) {
            return stripe.add(first, hex, offset);
        }
    }

    /** Adds an id given as its four {@link #word words}; true when it was not there yet. */
    public boolean add(long a, long b, long c, long d) {
        LogIdSet stripe = stripes[stripeOf(a)];
        synchronized (stripe) {
            return stripe.add(a, b, c, d);
        }
    }

    /**
     * Adds the {@code count} ids of {@code words} (four words an id, as {@link #add(long, long, long, long)}) and sets
     * {@code added[i]} to whether id {@code i} was not there yet (a repeat within the batch is not). The ids are
     * grouped by stripe first (a counting sort), so each stripe is locked once and its ids probed in one tight loop,
     * where the out-of-order core overlaps their cache misses. {@code order} is the caller's scratch (at least
     * {@code count} ints), so a batch allocates nothing that grows with it.
     */
    public void addAll(long[] words, int count, boolean[] added, int[] order) {
        int[] starts = new int[STRIPES + 1];
        for (int i = 0; i < count; i++) {
            starts[stripeOf(words[i * 4]) + 1]++;
        }
        for (int s = 0; s < STRIPES; s++) {
            starts[s + 1] += starts[s];
        }
        int[] next = java.util.Arrays.copyOf(starts, STRIPES);
        for (int i = 0; i < count; i++) {
            order[next[stripeOf(words[i * 4])]++] = i;
        }
        for (int s = 0; s < STRIPES; s++) {
            if (starts[s] == starts[s + 1]) {
                continue;
            }
            LogIdSet stripe = stripes[s];
            synchronized (stripe) {
                for (int k = starts[s]; k < starts[s + 1]; k++) {
                    int i = order[k];
                    int base = i * 4;
                    added[i] = stripe.add(words[base], words[base + 1], words[base + 2], words[base + 3]);
                }
            }
        }
    }

    /** Adds an id given as text. */
    public boolean add(String hex) {
        return add(hex.getBytes(StandardCharsets.US_ASCII), 0);
    }

    /** The heap of the stripes' tables. */
    long estimatedBytes() {
        long bytes = 0;
        for (LogIdSet stripe : stripes) {
            synchronized (stripe) {
                bytes += stripe.estimatedBytes();
            }
        }
        return bytes;
    }

    public long size() {
        long size = 0;
        for (LogIdSet stripe : stripes) {
            synchronized (stripe) {
                size += stripe.size();
            }
        }
        return size;
    }
}
