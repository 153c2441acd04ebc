package io.atlas.ports.engine;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.record.RejectReason;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** What normalize(D) did: files read and record conservation per format, rejects by reason. */
public record NormalizeResult(LocalDate processDate, int files, Map<LogFormat, FileCounts> byFormat,
        SortedMap<RejectReason, Long> rejectsByReason) {

    public NormalizeResult {
        requireNonNull(processDate, "processDate is null");
        EnumMap<LogFormat, FileCounts> formats = new EnumMap<>(LogFormat.class);
        for (LogFormat format : LogFormat.values()) {
            formats.put(format, requireNonNull(byFormat, "byFormat is null").getOrDefault(format, FileCounts.ZERO));
        }
        byFormat = Collections.unmodifiableMap(formats);
        rejectsByReason = Collections.unmodifiableSortedMap(new TreeMap<>(rejectsByReason));
    }

    /** All formats together. */
    public FileCounts total() {
        return byFormat.values().stream().reduce(FileCounts.ZERO, FileCounts::plus);
    }

    /** Counts for the run ledger. */
    public SortedMap<String, Long> asCounts() {
        FileCounts total = total();
        SortedMap<String, Long> counts = new TreeMap<>();
        counts.put("files", (long) files);
        counts.put("read", total.read());
        counts.put("processed", total.processed());
        counts.put("rejected", total.rejected());
        counts.put("other_day", total.otherDay());
        byFormat.forEach((format, c) -> {
            counts.put(format.folder() + ".read", c.read());
            counts.put(format.folder() + ".processed", c.processed());
            counts.put(format.folder() + ".rejected", c.rejected());
            counts.put(format.folder() + ".other_day", c.otherDay());
        });
        rejectsByReason.forEach((reason, n) -> counts.put("rejected." + reason.name(), n));
        return counts;
    }
}
