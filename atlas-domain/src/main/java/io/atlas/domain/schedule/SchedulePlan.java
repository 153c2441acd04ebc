package io.atlas.domain.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one scheduled trigger runs: yesterday ({@link ProcessDateRule}) plus every pending day (input changed since
 * its last successful run) within the lookback window, oldest first. Pending days older than the window are not
 * run but reported, so they are never skipped silently.
 *
 * @param run the dates to run, oldest first
 * @param tooOld pending dates older than the window: they need {@code atlas backfill}
 */
public record SchedulePlan(List<LocalDate> run, List<LocalDate> tooOld) {
    public SchedulePlan {
        run = List.copyOf(run);
        tooOld = List.copyOf(tooOld);
    }

    /** @param lookbackDays how many days back from yesterday (included) pending days are still run automatically */
    public static SchedulePlan forTrigger(Instant trigger, Set<LocalDate> pending, int lookbackDays) {
        if (lookbackDays < 1) {
            throw new IllegalArgumentException("lookbackDays must be at least 1, got " + lookbackDays);
        }
        LocalDate yesterday = ProcessDateRule.processDateFor(trigger);
        LocalDate windowStart = yesterday.minusDays(lookbackDays - 1L);
        TreeSet<LocalDate> run = new TreeSet<>();
        TreeSet<LocalDate> tooOld = new TreeSet<>();
        run.add(yesterday);
        for (LocalDate day : pending) {
            if (day.isBefore(windowStart)) {
                tooOld.add(day);
            } else if (!day.isAfter(yesterday)) {
                run.add(day);
            }
        }
        return new SchedulePlan(List.copyOf(run), List.copyOf(tooOld));
    }
}
