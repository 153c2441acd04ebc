package io.atlas.app.service;

import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import java.util.List;

/** The runs of a backfill, one per date, in date order. */
public record BackfillReport(List<RunRecord> runs) {
    public BackfillReport {
        runs = List.copyOf(runs);
    }

    public boolean succeeded() {
        return runs.stream().allMatch(r -> r.state() == RunState.SUCCEEDED);
    }

    public long failed() {
        return runs.stream().filter(r -> r.state() != RunState.SUCCEEDED).count();
    }
}
