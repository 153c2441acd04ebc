package io.atlas.ports.engine;

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

    /** The stripe of an id given as 64 hex characters at {@code offset}: its leading six bits, 0 to 63. */
    public static int stripeOf(byte[] hex, int offset) {
        return (int) (LogIdSet.word(hex, offset) >>> 58);
    }

    /** Adds an id given as 64 hex characters at {@code offset}; true when it was not there yet. */
    public boolean add(byte[] hex, int offset) {
        LogIdSet stripe = stripes[stripeOf(hex, offset)];
        synchronized (stripe) {
            return stripe.add(hex, offset);
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
