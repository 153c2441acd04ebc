package io.atlas.ports.ledger;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** One step of a run (normalize, crawl, aggregate, ...): its state, times, counts and failure. */
public record StepRecord(StepName name, RunState state, Optional<Instant> startedAt, Optional<Instant> endedAt,
        SortedMap<String, Long> counts, Optional<String> error) {

    public StepRecord {
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(endedAt, "endedAt is null");
        counts = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(counts, "counts is null")));
        requireNonNull(error, "error is null");
    }

    public static StepRecord pending(StepName name) {
        return new StepRecord(name, RunState.SKIPPED, Optional.empty(), Optional.empty(), new TreeMap<>(), Optional.empty());
    }

    /** The count of a fixed key, if the step recorded it. */
    public Optional<Long> count(CountKey key) {
        return Optional.ofNullable(counts.get(key.wireName()));
    }

    public StepRecord started(Instant at) {
        return new StepRecord(name, RunState.RUNNING, Optional.of(at), Optional.empty(), counts, Optional.empty());
    }

    public StepRecord succeeded(Instant at, Map<String, Long> stepCounts) {
        return new StepRecord(name, RunState.SUCCEEDED, startedAt, Optional.of(at), new TreeMap<>(stepCounts), Optional.empty());
    }

    /** The step its dead process was running when it died. */
    public StepRecord abandoned(Instant at, String message) {
        return new StepRecord(name, RunState.ABANDONED, startedAt, Optional.of(at), counts, Optional.of(message));
    }

    public StepRecord failed(Instant at, String message) {
        return new StepRecord(name, RunState.FAILED, startedAt, Optional.of(at), counts, Optional.of(message));
    }
}
