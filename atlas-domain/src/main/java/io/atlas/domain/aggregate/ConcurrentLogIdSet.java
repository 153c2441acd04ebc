package io.atlas.domain.aggregate;

import java.nio.charset.StandardCharsets;

/**
 * A {@link LogIdSet} that several threads add to at once: ids are spread over {@value #STRIPES} sets by their
 * leading bits (uniform, as the ids are SHA-256), and each set is locked on its own, so threads rarely wait.
 */
public final class ConcurrentLogIdSet {
    static final int STRIPES = 64;
    /** Heap per id at the sets' worst load, with room for one stripe doubling: for sizing passes. */
    public static final long BYTES_PER_ID = 64;

    private final LogIdSet[] stripes = new LogIdSet[STRIPES];

    public ConcurrentLogIdSet() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new LogIdSet();
        }
    }

    /** The first 16 hex characters of an id, decoded; its leading six bits are its stripe. */
    static long firstWord(byte[] hex, int offset) {
        return LogIdSet.word(hex, offset);
    }

    /**
     * The 64 bits of the 16 hex characters at {@code offset}: an id's words are at its offsets 0, 16, 32 and 48
     * (for {@link #add(long, long, long, long)}).
     */
    public static long word(byte[] hex, int offset) {
        return LogIdSet.word(hex, offset);
    }

    /** The stripe of an id whose {@link #firstWord} is {@code first}: 0 to 63. */
    static int stripeOf(long first) {
        return (int) (first >>> 58);
    }

    /** Adds an id given as 64 hex characters at {@code offset}; true when it was not there yet. */
    public boolean add(byte[] hex, int offset) {
        return add(firstWord(hex, offset), hex, offset);
    }

    /** {@link #add(byte[], int)} for a caller that decoded the id's {@link #firstWord} already. */
    boolean add(long first, byte[] hex, int offset) {
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

    /** Adds an id given as text. */
    public boolean add(String hex) {
        return add(hex.getBytes(StandardCharsets.US_ASCII), 0);
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
