package io.atlas.ports.inmemory;

import io.atlas.domain.run.RunId;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.ledger.RunRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A run ledger in memory. Thread-safe. */
public final class InMemoryRunLedger implements RunLedger {
    private final Map<RunId, RunRecord> runs = new ConcurrentHashMap<>();

    @Override
    public void save(RunRecord run) {
        runs.put(run.runId(), run);
    }

    @Override
    public Optional<RunRecord> find(RunId runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @Override
    public List<RunRecord> list() {
        return runs.values().stream()
                .sorted(Comparator.comparing(RunRecord::startedAt).thenComparing(r -> r.runId().value()))
                .toList();
    }
}
