package io.atlas.ports.notify;

import static java.util.Objects.requireNonNull;

import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.StepRecord;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run summary says, built from the run ledger: state, records read, processed, rejected by reason and
 * other-day, per format, and the failure if any.
 */
public record RunSummary(String runId, String processDate, RunState state, SortedMap<String, Long> counts, String failure) {
    public RunSummary {
        requireNonNull(runId, "runId is null");
        requireNonNull(processDate, "processDate is null");
        requireNonNull(state, "state is null");
        counts = new TreeMap<>(counts);
    }

    public static RunSummary of(RunRecord run) {
        TreeMap<String, Long> counts = new TreeMap<>();
        String failure = "";
        for (StepRecord step : run.steps()) {
            for (Map.Entry<String, Long> count : step.counts().entrySet()) {
                counts.put(step.name() + "." + count.getKey(), count.getValue());
            }
            if (step.state() == RunState.FAILED) {
                failure = step.name() + ": " + step.error().orElse("");
            }
        }
        return new RunSummary(run.runId().value(), run.processDate().map(Object::toString).orElse("-"), run.state(), counts, failure);
    }

    public String subject() {
        return "Atlas " + processDate + ": " + state + (failure.isEmpty() ? "" : " in " + failure.substring(0, failure.indexOf(':')));
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Run ").append(runId).append(" for ").append(processDate).append(": ").append(state).append('\n');
        if (!failure.isEmpty()) {
            text.append("Failure: ").append(failure).append('\n');
        }
        counts.forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
        return text.toString();
    }
}
