package io.atlas.ports.engine;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.aggregate.DailyActivityAccumulator;
import io.atlas.domain.aggregate.EventFacts;
import io.atlas.domain.record.CanonicalRecord;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Deduplicates a day's processed rows by {@code log_id} in memory (one entry per distinct event) and feeds the
 * domain's accumulator: the in-process half of SPEC §4's "exact duplicates count once".
 */
public final class DistinctEvents {
    private final Map<String, EventFacts> events = new HashMap<>();
    private final Map<String, long[]> occurrences = new HashMap<>();

    public void add(CanonicalRecord row) {
        long[] count = occurrences.computeIfAbsent(row.logId(), id -> new long[1]);
        if (count[0]++ == 0) {
            events.put(row.logId(), EventFacts.of(row));
        }
    }

    public DailyActivity result(LocalDate date, long rejectedRecords) {
        DailyActivityAccumulator accumulator = new DailyActivityAccumulator();
        events.forEach((logId, event) -> accumulator.addDistinctEvent(event, occurrences.get(logId)[0]));
        return accumulator.result(date, rejectedRecords);
    }
}
