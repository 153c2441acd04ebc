package io.atlas.domain.aggregate;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The row of {@code analytics/daily_activity} for one day (SPEC §4). Maps are sorted by key. */
public record DailyActivity(
        LocalDate date,
        long totalRequests,
        long errorCount,
        long clientErrorCount,
        long serverErrorCount,
        long uniqueIps,
        SortedMap<String, Long> requestsByDevice,
        SortedMap<String, Long> requestsByType,
        SortedMap<String, Long> requestsByApp,
        SortedMap<String, Long> errorsByCode,
        long duplicateRecords,
        long rejectedRecords) {

    public DailyActivity {
        requireNonNull(date, "date is null");
        requestsByDevice = immutable(requestsByDevice);
        requestsByType = immutable(requestsByType);
        requestsByApp = immutable(requestsByApp);
        errorsByCode = immutable(errorsByCode);
    }

    /** The row of a day with no events: zeros and empty maps. */
    public static DailyActivity empty(LocalDate date, long rejectedRecords) {
        return new DailyActivity(date, 0, 0, 0, 0, 0, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), 0, rejectedRecords);
    }

    private static SortedMap<String, Long> immutable(Map<String, Long> map) {
        requireNonNull(map, "map is null");
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
