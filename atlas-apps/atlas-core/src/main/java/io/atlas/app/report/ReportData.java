package io.atlas.app.report;

import static java.util.Objects.requireNonNull;

import io.atlas.app.quality.RunDetails;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.ports.ledger.RunRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/** Everything the report shows, read from the lake through the ports. */
public record ReportData(String lake, Instant generatedAt, LocalDate from, LocalDate to, List<Day> days,
        SortedMap<String, Long> fileRejectsByReason, Optional<DailyActivity> chosenDay, List<RunRecord> runs,
        Map<String, RunDetails> details) {

    /** One day of the range: its row (if published), row-level rejects by reason, last run and pending state. */
    public record Day(LocalDate date, Optional<DailyActivity> activity, SortedMap<String, Long> rejectsByReason,
            Optional<RunRecord> lastRun, Optional<RunDetails> lastSuccess, int successfulRuns, boolean pending) {
        public Day {
            requireNonNull(date, "date is null");
            requireNonNull(activity, "activity is null");
            rejectsByReason = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rejectsByReason));
            requireNonNull(lastRun, "lastRun is null");
            requireNonNull(lastSuccess, "lastSuccess is null");
        }

        /** A day with more than one successful run: its numbers were reprocessed. */
        public boolean reprocessed() {
            return successfulRuns > 1;
        }
    }

    public ReportData {
        requireNonNull(lake, "lake is null");
        requireNonNull(generatedAt, "generatedAt is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        days = List.copyOf(days);
        fileRejectsByReason = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(fileRejectsByReason));
        requireNonNull(chosenDay, "chosenDay is null");
        runs = List.copyOf(runs);
        details = Map.copyOf(details);
    }
}
