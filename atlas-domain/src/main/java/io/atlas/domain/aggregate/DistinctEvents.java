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
 * same facts. Rows are checked against the set in batches ({@link PendingEvents}); every count is read after the
 * batch is flushed. One instance is not thread-safe. A day whose ids do not fit in memory is aggregated in several passes,
 * each over a share of the ids (see {@link #DistinctEvents(ConcurrentLogIdSet, int, int, long)}).
 *
 * <p>{@code unique_ips} is counted apart from the events, in an {@link IpShare} per pass: pass {@code k} of
 * {@code n} counts the addresses of share {@code k} over <em>every</em> row, so the passes' address sets are
 * disjoint and only their counts are kept ({@link #merge}). When a pass's addresses outgrow their budget,
 * {@link #ipsOverflowed()} says so and the caller counts them in more shares ({@link #result(LocalDate, long, long)}).
 */
public final class DistinctEvents {
    /** The pass's ids; none once {@link #releaseIds released}. */
    private @Nullable ConcurrentLogIdSet ids;
    private final int passes;
    private final int pass;
    private DailyActivityAccumulator accumulator = new DailyActivityAccumulator();
    /** Rows of this pass whose ids are checked in batches; every count below is read after {@link #flush}. */
    private final PendingEvents pending = new PendingEvents();
    private long duplicates;
    private final IpShare ips;
    private long ipsOfMergedPasses;
    /** Whether this scanner's rows were counted ahead, so it takes back repeats instead of counting first sights. */
    private final boolean countedAhead;
    private boolean ipsOverflowed;
    /** The most {@link IpShare#partsToFit parts} a merged pass's overflowed addresses asked for. */
    private int ipPartsToFit = 1;

    public DistinctEvents() {
        this(new ConcurrentLogIdSet());
    }

    /** A scanner of one part of a day whose ids are checked against {@code ids}, shared by every part. */
    public DistinctEvents(ConcurrentLogIdSet ids) {
        this(ids, 1, 0, Long.MAX_VALUE);
    }

    /** {@link #DistinctEvents(ConcurrentLogIdSet, int, int, long)} without a budget for the addresses. */
    public DistinctEvents(ConcurrentLogIdSet ids, int passes, int pass) {
        this(ids, passes, pass, Long.MAX_VALUE);
    }

    /**
     * A scanner for pass {@code pass} of {@code passes} over a day too large to hold all its ids at once: it keeps
     * only the ids whose stripe (the leading six bits of the id) modulo {@code passes} is {@code pass} and
     * ignores the other rows, which another pass counts; likewise for the addresses of {@link IpShare} {@code pass}
     * of {@code passes}. The passes' {@link #merge merged} results are the day's.
     *
     * @param passes a power of two from 1 to 64
     * @param ipBudgetBytes the heap this scanner's addresses may take before it gives them up (see
     *     {@link #ipsOverflowed()})
     */
    public DistinctEvents(ConcurrentLogIdSet ids, int passes, int pass, long ipBudgetBytes) {
        this(ids, passes, pass, new IpShare(passes, pass, ipBudgetBytes));
    }

    /**
     * A scanner for pass {@code pass} of {@code passes} (as {@link #DistinctEvents(ConcurrentLogIdSet, int, int, long)})
     * whose addresses are counted in {@code ips}, whatever share of them that holds: a caller that reads every row
     * once in its first pass and hands the later passes their rows without addresses gives the first pass an
     * {@code IpShare} of every address and the later ones an empty one.
     */
    public DistinctEvents(ConcurrentLogIdSet ids, int passes, int pass, IpShare ips) {
        this(ids, passes, pass, ips, false);
    }

    /**
     * A scanner for later pass {@code pass} of {@code passes} over rows a first pass read and already counted with
     * {@link #countAhead}: it checks their ids and takes back each repeat, so the passes' merged results are the
     * day's. Its addresses were counted by the first pass.
     */
    public static DistinctEvents checkingRowsCountedAhead(ConcurrentLogIdSet ids, int passes, int pass) {
        return new DistinctEvents(ids, passes, pass, new IpShare(), true);
    }

    private DistinctEvents(ConcurrentLogIdSet ids, int passes, int pass, IpShare ips, boolean countedAhead) {
        if (passes < 1 || passes > ConcurrentLogIdSet.STRIPES || Integer.bitCount(passes) != 1 || pass < 0 || pass >= passes) {
            throw new IllegalArgumentException("Invalid pass " + pass + " of " + passes);
        }
        this.ids = ids;
        this.passes = passes;
        this.pass = pass;
        this.ips = ips;
        this.countedAhead = countedAhead;
    }

    /** The pass, of {@code passes}, whose share holds the id whose first {@link ConcurrentLogIdSet#word} is {@code first}. */
    public static int passOf(long first, int passes) {
        return ConcurrentLogIdSet.stripeOf(first) % passes;
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
        add(row.logType(), row.logId().getBytes(StandardCharsets.US_ASCII), 0, row.statusCode(), row.ipAddress(),
                row.device(), row.requestType(), row.appName());
    }

    /** Adds a row given by its aggregate columns (the columnar fast path). */
    public void add(LogType logType, byte[] logId, int offset, int statusCode, String ipAddress, @Nullable String device,
            String requestType, String appName) {
        ips.add(ipAddress);
        add(logType, logId, offset, statusCode, device, requestType, appName);
    }

    /**
     * Adds a row given by its aggregate columns but its address, which the caller gives to {@link #addAddress} (once
     * for every row that carries it, or once for all of them: addresses count as a set).
     */
    public void add(LogType logType, byte[] logId, int offset, int statusCode, @Nullable String device, String requestType,
            String appName) {
        long first = ConcurrentLogIdSet.word(logId, offset);
        if (passes > 1 && passOf(first, passes) != pass) {
            return;
        }
        pend(logType, first, ConcurrentLogIdSet.word(logId, offset + 16), ConcurrentLogIdSet.word(logId, offset + 32),
                ConcurrentLogIdSet.word(logId, offset + 48), statusCode, device, requestType, appName);
    }

    /**
     * Adds a row of this pass given by its id's four {@link ConcurrentLogIdSet#word words} and its columns but the
     * address, which a scanner that read the row before (and set it aside for this pass) counted with
     * {@link #addAddress}.
     */
    public void add(LogType logType, long a, long b, long c, long d, int statusCode, @Nullable String device,
            String requestType, String appName) {
        if (passes > 1 && passOf(a, passes) != pass) {
            throw new IllegalArgumentException("A row of pass " + passOf(a, passes) + " given to pass " + pass);
        }
        pend(logType, a, b, c, d, statusCode, device, requestType, appName);
    }

    /**
     * Counts now, as a distinct event, a row of a later pass whose id is checked there: the first pass of a day in
     * passes counts every row as it reads it, and each later pass ({@link #checkingRowsCountedAhead}) takes back the
     * rows whose ids repeat. The later passes then mostly check ids: they fold into the maps only the repeats they
     * take back.
     */
    public void countAhead(LogType logType, int statusCode, @Nullable String device, String requestType, String appName) {
        accumulator.addDistinctEventCountingIpApart(logType, statusCode, device, requestType, appName);
    }

    /**
     * Counts the address of a row added without it, or of a row that another pass adds (see
     * {@link #add(LogType, long, long, long, long, int, String, String, String)}).
     */
    public void addAddress(byte[] text, int offset, int length) {
        ips.add(text, offset, length);
    }

    private void pend(LogType logType, long a, long b, long c, long d, int statusCode, @Nullable String device,
            String requestType, String appName) {
        if (pending.add(logType, a, b, c, d, statusCode, device, requestType, appName)) {
            flush();
        }
    }

    /** Checks the rows waiting in {@link #pending} against the id set and counts them. */
    private void flush() {
        ConcurrentLogIdSet set = ids;
        if (set == null) {
            if (!pending.isEmpty()) {
                throw new IllegalStateException("Cannot add rows to a pass whose ids were released");
            }
            return;
        }
        duplicates += pending.drainInto(set, accumulator, countedAhead);
    }

    /**
     * Counts the rows still waiting and lets this scanner's id set go: a pass that is over holds no ids while a later
     * pass fills its own (the two sets together would take twice the ids' budget). Rows can no longer be added;
     * merging and the result still work.
     */
    public void releaseIds() {
        flush();
        ids = null;
    }

    /**
     * Folds in another part of the same day: a part of the same pass (scanned against the same id set), whose
     * addresses join this one's, or the merged result of another pass, whose addresses (disjoint from every other
     * pass's) are kept as their count only.
     */
    public DistinctEvents merge(DistinctEvents other) {
        flush();
        other.flush();
        accumulator = accumulator.merge(other.accumulator);
        duplicates += other.duplicates;
        ipsOverflowed |= other.ipsOverflowed;
        ipPartsToFit = Math.max(ipPartsToFit, other.ipPartsToFit);
        ipsOfMergedPasses += other.ipsOfMergedPasses;
        if (other.passes == passes && other.pass == pass) {
            ips.merge(other.ips);
        } else if (other.ips.overflowed()) {
            ipsOverflowed = true;
            ipPartsToFit = Math.max(ipPartsToFit, other.ips.partsToFit());
        } else {
            ipsOfMergedPasses += other.ips.count();
        }
        return this;
    }

    /** Whether some pass's addresses outgrew their budget: the day's {@code unique_ips} must be counted apart. */
    public boolean ipsOverflowed() {
        return ipsOverflowed || ips.overflowed();
    }

    /**
     * After {@link #ipsOverflowed()}: into how many parts (a power of two, at least 2) the day's addresses should be
     * cut to be counted apart, as {@link IpShare#partsToFit()} estimates it; 1 when they fitted.
     */
    public int ipPartsToFit() {
        return Math.max(ipPartsToFit, ips.partsToFit());
    }

    /** The day's row, with the addresses the passes counted. */
    public DailyActivity result(LocalDate date, long rejectedRecords) {
        if (ipsOverflowed()) {
            throw new IllegalStateException("Cannot count unique_ips of " + date
                    + ": the addresses outgrew their budget; count them in more shares");
        }
        return result(date, rejectedRecords, ipsOfMergedPasses + ips.count());
    }

    /** The day's row with {@code uniqueIps} counted in {@link IpShare}s apart, after {@link #ipsOverflowed()}. */
    public DailyActivity result(LocalDate date, long rejectedRecords, long uniqueIps) {
        flush();
        return accumulator.result(date, rejectedRecords, uniqueIps, duplicates);
    }
}
