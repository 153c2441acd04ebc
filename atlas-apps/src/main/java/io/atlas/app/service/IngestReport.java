package io.atlas.app.service;

import io.atlas.domain.file.FileRejectReason;
import io.atlas.domain.lake.ObjectKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** What one pass over {@code raw/} did: every outcome, and the files that could not be read (left in raw/ to retry). */
public record IngestReport(List<IngestOutcome> outcomes, Map<ObjectKey, String> failures) {
    public IngestReport {
        outcomes = List.copyOf(outcomes);
        failures = Map.copyOf(failures);
    }

    public long routed() {
        return outcomes.stream().filter(o -> o instanceof IngestOutcome.Routed).count();
    }

    public long rejected() {
        return outcomes.stream().filter(o -> o instanceof IngestOutcome.Rejected).count();
    }

    public SortedSet<LocalDate> days() {
        TreeSet<LocalDate> days = new TreeSet<>();
        outcomes.stream().filter(o -> o instanceof IngestOutcome.Routed)
                .forEach(o -> days.addAll(((IngestOutcome.Routed) o).days()));
        return days;
    }

    public SortedMap<FileRejectReason, Long> rejectsByReason() {
        TreeMap<FileRejectReason, Long> counts = new TreeMap<>();
        outcomes.stream().filter(o -> o instanceof IngestOutcome.Rejected)
                .forEach(o -> counts.merge(((IngestOutcome.Rejected) o).reason(), 1L, Long::sum));
        return counts;
    }
}
