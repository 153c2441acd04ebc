package io.atlas.ports.ledger;

import io.atlas.domain.run.RunId;
import java.util.List;
import java.util.Optional;

/** The record of every run and of each of its steps. */
public interface RunLedger {

    /** Records the run, replacing an earlier record with the same id; durable when it returns. */
    void save(RunRecord run);

    Optional<RunRecord> find(RunId runId);

    /** Every run, oldest start first (ties by run id). */
    List<RunRecord> list();
}
