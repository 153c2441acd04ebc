package io.atlas.app.service;

import io.atlas.domain.file.FileRejectReason;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one pass over {@code raw/} did: every outcome, and the files that could not be ingested, by key (left in raw/
 * to retry, or to rename when their name cannot be a key).
 */
public record IngestReport(List<IngestOutcome> outcomes, Map<String, String> failures) {
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
