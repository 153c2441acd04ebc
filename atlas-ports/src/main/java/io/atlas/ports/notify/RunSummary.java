package io.atlas.ports.notify;

import static java.util.Comparator.comparing;
import static java.util.Objects.requireNonNull;

import io.atlas.domain.quality.GateOutcome;
import io.atlas.domain.quality.GateStatus;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.ledger.StepRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run summary says, built from the run ledger: state, records read, processed, rejected by reason and
 * other-day, per format, the failure if any, and the day's quality gates (the tripped ones are shown).
 */
public record RunSummary(RunId runId, Optional<LocalDate> processDate, RunState state, List<StepCount> counts,
        Optional<Failure> failure, List<GateOutcome> gates) {

    /** One count of one step: {@code normalize.read = 10}. */
    public record StepCount(StepName step, String key, long value) {
        public StepCount {
            requireNonNull(step, "step is null");
            requireNonNull(key, "key is null");
        }

        /** The count's name in the summary: the step's wire name, a dot, the step's key. */
        public String qualifiedKey() {
            return step.wireName() + "." + key;
        }
    }

    /** The step that failed and its message. */
    public record Failure(StepName step, String error) {
        public Failure {
            requireNonNull(step, "step is null");
            requireNonNull(error, "error is null");
        }

        @Override
        public String toString() {
            return step.wireName() + ": " + error;
        }
    }

    public RunSummary {
        requireNonNull(runId, "runId is null");
        requireNonNull(processDate, "processDate is null");
        requireNonNull(state, "state is null");
        List<StepCount> sorted = new ArrayList<>(counts);
        sorted.sort(comparing(StepCount::qualifiedKey));
        counts = List.copyOf(sorted);
        requireNonNull(failure, "failure is null");
        gates = List.copyOf(gates);
    }

    /** This summary with the day's gate outcomes (a run records them once the day is published). */
    public RunSummary withGates(List<GateOutcome> outcomes) {
        return new RunSummary(runId, processDate, state, counts, failure, outcomes);
    }

    private List<GateOutcome> tripped() {
        return gates.stream().filter(g -> g.status() == GateStatus.WARN || g.status() == GateStatus.FAIL).toList();
    }

    public static RunSummary of(RunRecord run) {
        List<StepCount> counts = new ArrayList<>();
        Optional<Failure> failure = Optional.empty();
        for (StepRecord step : run.steps()) {
            for (Map.Entry<String, Long> count : step.counts().entrySet()) {
                counts.add(new StepCount(step.name(), count.getKey(), count.getValue()));
            }
            if (step.state() == RunState.FAILED) {
                failure = Optional.of(new Failure(step.name(), step.error().orElse("")));
            }
        }
        return new RunSummary(run.runId(), run.processDate(), run.state(), counts, failure, List.of());
    }

    /** The process date as the summary shows it: {@code -} for a run without one. */
    public String shownDate() {
        return processDate.map(LocalDate::toString).orElse("-");
    }

    /** {@code Atlas 2024-11-29: SUCCEEDED}, with the failed step or the tripped gates: {@code , gates FAIL volume}. */
    public String subject() {
        String gateNote = tripped().isEmpty() ? "" : ", gates " + tripped().stream().map(GateOutcome::status).max(Enum::compareTo)
                .orElseThrow() + " " + String.join(" ", tripped().stream().map(g -> g.gate().key()).toList());
        return "Atlas " + shownDate() + ": " + state + failure.map(f -> " in " + f.step().wireName()).orElse("") + gateNote;
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Run ").append(runId.value()).append(" for ").append(shownDate()).append(": ").append(state).append('\n');
        failure.ifPresent(f -> text.append("Failure: ").append(f).append('\n'));
        tripped().forEach(gate -> text.append("Quality gate ").append(gate).append('\n'));
        counts.forEach(c -> text.append(c.qualifiedKey()).append(" = ").append(c.value()).append('\n'));
        return text.toString();
    }
}
