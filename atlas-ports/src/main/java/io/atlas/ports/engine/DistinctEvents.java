package io.atlas.ports.engine;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.aggregate.DailyActivityAccumulator;
import io.atlas.domain.aggregate.EventFacts;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.CanonicalRecord;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Deduplicates a day's processed rows by {@code log_id} (a compact exact {@link ConcurrentLogIdSet}) and folds each
 * distinct event into the domain's accumulator on first sight: the in-process half of SPEC §4's "exact duplicates
 * count once". Memory holds the ids, not the events.
 *
 * <p>Several threads can scan parts of a day at once, each with its own instance over one shared id set; their
 * {@link #merge merged} result is the same whichever thread saw an event first, because exact duplicates carry the
 * same facts. One instance is not thread-safe.
 */
public final class DistinctEvents {
    private final ConcurrentLogIdSet ids;
    private DailyActivityAccumulator accumulator = new DailyActivityAccumulator();
    private long duplicates;

    public DistinctEvents() {
        this(new ConcurrentLogIdSet());
    }

    /** A scanner of one part of a day whose ids are checked against {@code ids}, shared by every part. */
    public DistinctEvents(ConcurrentLogIdSet ids) {
        this.ids = ids;
    }

    public void add(CanonicalRecord row) {
        if (ids.add(row.logId())) {
            accumulator.addDistinctEvent(EventFacts.of(row), 1);
        } else {
            duplicates++;
        }
    }

    /** Adds a row given by its aggregate columns (the columnar fast path). */
    public void add(LogType logType, byte[] logId, int offset, int statusCode, String ipAddress, @Nullable String device,
            String requestType, String appName) {
        if (ids.add(logId, offset)) {
            accumulator.addDistinctEvent(new EventFacts(logType, statusCode, ipAddress, device, requestType, appName), 1);
        } else {
            duplicates++;
        }
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
