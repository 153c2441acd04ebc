package io.atlas.domain.schedule;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/** An inclusive range of process dates for a backfill, in ascending order. */
public record DateRange(LocalDate from, LocalDate to) {
    /** Backfills longer than this are almost certainly a typo in a year. */
    public static final long MAX_DAYS = 3660;

    public DateRange {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Invalid date range: " + from + " is after " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("Invalid date range " + from + ".." + to + ": more than " + MAX_DAYS + " days");
        }
    }

    public List<LocalDate> days() {
        return Stream.iterate(from, day -> !day.isAfter(to), day -> day.plusDays(1)).toList();
    }

    public long length() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
