package io.atlas.domain.aggregate;

import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.CanonicalRecord;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Deduplicates a day's processed rows by {@code log_id} (a compact exact {@link ConcurrentLogIdSet}) and folds each
 * distinct event into the domain's accumulator on first sight: the in-process half of SPEC §4's "exact duplicates
 * count once". Memory holds the ids, not the events.
 *
 * <p>Several threads can scan parts of a day at once, each with its own instance over one shared id set; their
 * {@link #merge merged} result is the same whichever thread saw an event first, because exact duplicates carry the
 * same facts. One instance is not thread-safe. A day whose ids do not fit in memory is aggregated in several passes,
 * each over a share of the ids (see {@link #DistinctEvents(ConcurrentLogIdSet, int, int)}).
 */
public final class DistinctEvents {
    private final ConcurrentLogIdSet ids;
    private final int passes;
    private final int pass;
    private DailyActivityAccumulator accumulator = new DailyActivityAccumulator();
    private long duplicates;

    public DistinctEvents() {
        this(new ConcurrentLogIdSet());
    }

    /** A scanner of one part of a day whose ids are checked against {@code ids}, shared by every part. */
    public DistinctEvents(ConcurrentLogIdSet ids) {
        this(ids, 1, 0);
    }

    /**
     * A scanner for pass {@code pass} of {@code passes} over a day too large to hold all its ids at once: it keeps
     * only the ids whose stripe (the leading six bits of the id) modulo {@code passes} is {@code pass} and
     * ignores the other rows, which another pass counts. The passes' merged results are the day's.
     *
     * @param passes a power of two from 1 to 64
     */
    public DistinctEvents(ConcurrentLogIdSet ids, int passes, int pass) {
        if (passes < 1 || passes > ConcurrentLogIdSet.STRIPES || Integer.bitCount(passes) != 1 || pass < 0 || pass >= passes) {
            throw new IllegalArgumentException("Invalid pass " + pass + " of " + passes);
        }
        this.ids = ids;
        this.passes = passes;
        this.pass = pass;
    }

    /** Passes (a power of two, at most 64) so that the ids of {@code rows} rows fit in {@code memoryBytes}. */
    public static int aggregatePasses(long rows, long memoryBytes) {
        long needed = rows * ConcurrentLogIdSet.BYTES_PER_ID;
        int passes = 1;
        while (passes < ConcurrentLogIdSet.STRIPES && needed > memoryBytes * passes) {
            passes *= 2;
        }
        return passes;
    }

    public void add(CanonicalRecord row) {
        if (isNew(row.logId().getBytes(StandardCharsets.US_ASCII), 0)) {
            accumulator.addDistinctEvent(EventFacts.of(row), 1);
        }
    }

    /** Adds a row given by its aggregate columns (the columnar fast path). */
    public void add(LogType logType, byte[] logId, int offset, int statusCode, String ipAddress, @Nullable String device,
            String requestType, String appName) {
        if (isNew(logId, offset)) {
            accumulator.addDistinctEvent(new EventFacts(logType, statusCode, ipAddress, device, requestType, appName), 1);
        }
    }

    /** Whether the id is this pass's and seen for the first time; counts it as a duplicate when it is this pass's and seen. */
    private boolean isNew(byte[] logId, int offset) {
        long first = ConcurrentLogIdSet.firstWord(logId, offset);
        if (passes > 1 && ConcurrentLogIdSet.stripeOf(first) % passes != pass) {
            return false;
        }
        if (ids.add(first, logId, offset)) {
            return true;
        }
        duplicates++;
        return false;
    }

    /** Folds in another part of the same day (scanned against the same id set). */
    public DistinctEvents merge(DistinctEvents other) {
        accumulator = accumulator.merge(other.accumulator);
        duplicates += other.duplicates;
        return this;
    }

    public DailyActivity result(LocalDate date, long rejectedRecords) {
        return accumulator.addDuplicateRows(duplicates).result(date, rejectedRecords);
    }
}
