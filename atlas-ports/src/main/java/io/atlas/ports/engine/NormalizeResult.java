package io.atlas.ports.engine;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.record.RejectReason;
import io.atlas.ports.ledger.CountKey;
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
        counts.put(CountKey.FILES.wireName(), (long) files);
        counts.put(CountKey.READ.wireName(), total.read());
        counts.put(CountKey.PROCESSED.wireName(), total.processed());
        counts.put(CountKey.REJECTED.wireName(), total.rejected());
        counts.put(CountKey.OTHER_DAY.wireName(), total.otherDay());
        byFormat.forEach((format, c) -> {
            counts.put(CountKey.READ.of(format.folder()), c.read());
            counts.put(CountKey.PROCESSED.of(format.folder()), c.processed());
            counts.put(CountKey.REJECTED.of(format.folder()), c.rejected());
            counts.put(CountKey.OTHER_DAY.of(format.folder()), c.otherDay());
        });
        rejectsByReason.forEach((reason, n) -> counts.put(CountKey.rejected(reason), n));
        return counts;
    }
}
