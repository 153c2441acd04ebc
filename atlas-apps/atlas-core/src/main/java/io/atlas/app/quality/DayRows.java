package io.atlas.app.quality;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.ports.dataset.CloseableIterator;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import java.time.LocalDate;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** A day's published rows, as status, the gates and the report read them. */
public final class DayRows {
    private DayRows() {}

    /** The day's {@code daily_activity} row, if published. */
    public static Optional<DailyActivity> gold(DatasetStore datasets, LocalDate day) {
        try (CloseableIterator<DailyActivity> rows = datasets.read(Dataset.DAILY_ACTIVITY, Dataset.dailyActivityPartition(day))) {
            return rows.hasNext() ? Optional.of(rows.next()) : Optional.empty();
        }
    }

    /** The day's row-level rejects ({@code data_quality_rejects}) counted by reason code. */
    public static SortedMap<String, Long> rejectsByReason(DatasetStore datasets, LocalDate day) {
        SortedMap<String, Long> counts = new TreeMap<>();
        try (CloseableIterator<RejectRow> rows = datasets.read(Dataset.REJECTS, Dataset.rejectsPartition(day))) {
            rows.forEachRemaining(r -> counts.merge(r.reasonCode().name(), 1L, Long::sum));
        }
        return counts;
    }
}
