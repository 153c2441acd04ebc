package io.atlas.domain.quality;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.aggregate.DailyActivity;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What one successful run of a day saw and produced: its input files, the day's row and its rejects by reason. */
public record DaySnapshot(SortedMap<String, InputFile> inputs, DailyActivity activity, SortedMap<String, Long> rejectsByReason) {
    public DaySnapshot {
        inputs = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(inputs, "inputs is null")));
        requireNonNull(activity, "activity is null");
        rejectsByReason = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(rejectsByReason, "rejectsByReason is null")));
    }

    public static DaySnapshot of(Collection<InputFile> files, DailyActivity activity, Map<String, Long> rejectsByReason) {
        SortedMap<String, InputFile> byName = new TreeMap<>();
        for (InputFile file : files) {
            if (byName.put(file.name(), file) != null) {
                throw new IllegalArgumentException("Cannot snapshot " + activity.date() + ": two inputs named " + file.name());
            }
        }
        return new DaySnapshot(byName, activity, new TreeMap<>(rejectsByReason));
    }
}
