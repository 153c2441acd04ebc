package io.atlas.domain.quality;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.aggregate.DailyActivity;
import java.time.LocalDate;

/** The counts of a day the gates look at, from its {@code daily_activity} row. */
public record DayMetrics(LocalDate date, long accessEvents, long errorEvents, long duplicateRecords, long rejectedRecords) {
    public DayMetrics {
        requireNonNull(date, "date is null");
        if (accessEvents < 0 || errorEvents < 0 || duplicateRecords < 0 || rejectedRecords < 0) {
            throw new IllegalArgumentException("Cannot measure " + date + ": a count is negative");
        }
    }

    public static DayMetrics of(DailyActivity row) {
        return new DayMetrics(row.date(), row.totalRequests(), row.errorCount(), row.duplicateRecords(), row.rejectedRecords());
    }

    /** Distinct access and error events. */
    public long totalEvents() {
        return accessEvents + errorEvents;
    }

    /** Every record read for the day: distinct events, duplicates and row-level rejects. */
    public long records() {
        return totalEvents() + duplicateRecords + rejectedRecords;
    }
}
