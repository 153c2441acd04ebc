package io.atlas.domain.aggregate;

import io.atlas.domain.lake.LogType;
import org.jspecify.annotations.Nullable;

/**
 * Rows waiting to have their ids checked against a day's shared {@link ConcurrentLogIdSet}: a scanner collects up to
 * {@link #CAPACITY} of them, then checks them all at once ({@link ConcurrentLogIdSet#addAll}, one lock a stripe and
 * a tight loop of probes whose cache misses overlap) and folds the first sight of each id into its accumulator.
 * Checking each row as it came cost one uncontended lock and one cache miss, not overlapped with anything, per row:
 * most of the aggregate's time. Deferring the check changes no count: an id's first sight is still counted once,
 * and exact duplicates carry the same facts whichever of them comes first.
 */
final class PendingEvents {
    static final int CAPACITY = 2048;

    private final long[] words = new long[CAPACITY * 4];
    private final boolean[] added = new boolean[CAPACITY];
    private final int[] order = new int[CAPACITY];
    private final LogType[] logTypes = new LogType[CAPACITY];
    private final int[] statusCodes = new int[CAPACITY];
    private final @Nullable String[] devices = new String[CAPACITY];
    private final String[] requestTypes = new String[CAPACITY];
    private final String[] appNames = new String[CAPACITY];
    private int size;

    /** Whether no row waits. */
    boolean isEmpty() {
        return size == 0;
    }

    /** Adds a row given by its id's four words and the facts the accumulator counts; true when the batch is full. */
    boolean add(LogType logType, long a, long b, long c, long d, int statusCode, @Nullable String device,
            String requestType, String appName) {
        int base = size * 4;
        words[base] = a;
        words[base + 1] = b;
        words[base + 2] = c;
        words[base + 3] = d;
        logTypes[size] = logType;
        statusCodes[size] = statusCode;
        devices[size] = device;
        requestTypes[size] = requestType;
        appNames[size] = appName;
        size++;
        return size == CAPACITY;
    }

    /**
     * Checks the waiting rows' ids against {@code ids}, adds each first sight to {@code accumulator} (or, for rows
     * {@code countedAhead}, added before their ids were checked, takes each repeat back from it) and empties the
     * batch; returns how many rows repeated an id already seen.
     */
    long drainInto(ConcurrentLogIdSet ids, DailyActivityAccumulator accumulator, boolean countedAhead) {
        ids.addAll(words, size, added, order);
        long duplicates = 0;
        for (int i = 0; i < size; i++) {
            if (added[i]) {
                if (!countedAhead) {
                    accumulator.addDistinctEventCountingIpApart(logTypes[i], statusCodes[i], devices[i], requestTypes[i],
                            appNames[i]);
                }
            } else {
                duplicates++;
                if (countedAhead) {
                    accumulator.retractDistinctEvent(logTypes[i], statusCodes[i], devices[i], requestTypes[i], appNames[i]);
                }
            }
            devices[i] = null; // let the strings go with the batch
            requestTypes[i] = null;
            appNames[i] = null;
        }
        size = 0;
        return duplicates;
    }
}
