package io.atlas.ports.ledger;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.run.RunId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One run in the ledger: what it ran ({@code kind}: pipeline, ingest, ...), for which date, its steps and outcome. */
public record RunRecord(RunId runId, RunKind kind, Optional<LocalDate> processDate, Instant startedAt,
        Optional<Instant> endedAt, RunState state, List<StepRecord> steps) {

    public RunRecord {
        requireNonNull(runId, "runId is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(processDate, "processDate is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(endedAt, "endedAt is null");
        requireNonNull(state, "state is null");
        steps = List.copyOf(steps);
    }

    /** A run that has just started, with its steps not yet run. */
    public static RunRecord started(RunId runId, RunKind kind, Optional<LocalDate> processDate, Instant at,
            List<StepName> stepNames) {
        return new RunRecord(runId, kind, processDate, at, Optional.empty(), RunState.RUNNING,
                stepNames.stream().map(StepRecord::pending).toList());
    }

    public RunRecord withStep(StepRecord step) {
        List<StepRecord> updated = new ArrayList<>(steps);
        for (int i = 0; i < updated.size(); i++) {
            if (updated.get(i).name() == step.name()) {
                updated.set(i, step);
                return new RunRecord(runId, kind, processDate, startedAt, endedAt, state, updated);
            }
        }
        updated.add(step);
        return new RunRecord(runId, kind, processDate, startedAt, endedAt, state, updated);
    }

    public RunRecord ended(Instant at, RunState finalState) {
        return new RunRecord(runId, kind, processDate, startedAt, Optional.of(at), finalState, steps);
    }

    public Optional<StepRecord> step(StepName name) {
        return steps.stream().filter(s -> s.name() == name).findFirst();
    }

    /** The step in progress, if any. */
    public Optional<StepRecord> runningStep() {
        return steps.stream().filter(s -> s.state() == RunState.RUNNING).findFirst();
    }

    /** The first step that failed (or that a dead process left unfinished), if any. */
    public Optional<StepRecord> failedStep() {
        return steps.stream().filter(s -> s.state() == RunState.FAILED || s.state() == RunState.ABANDONED).findFirst();
    }
}
