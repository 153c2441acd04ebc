package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.run.RunId;
import io.atlas.ports.AtlasException;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.StepRecord;
import io.atlas.ports.storage.ObjectStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A job-level failure as SPEC §1 keeps it, {@code rejected/system/glue/<job>/<process_date>/<run_id>.json}: the one
 * format every entry point writes (the CLI's pipeline, a Glue job, the state machine's run-end Lambda).
 *
 * @param job the failed step's name ({@code normalize}, {@code crawl_logs}, ...)
 * @param errorType the failure's class (or Step Functions' error name)
 * @param category an {@link io.atlas.ports.ErrorCategory} name; {@code INTERNAL} when unknown
 * @param steps the run's steps and their states, when the writer knows them
 */
public record JobFailure(RunId runId, String job, LocalDate processDate, String error, String errorType, String category,
        boolean retryable, Optional<Instant> startedAt, Optional<Instant> failedAt, List<StepRecord> steps) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public JobFailure {
        requireNonNull(runId, "runId is null");
        requireNonNull(job, "job is null");
        requireNonNull(processDate, "processDate is null");
        requireNonNull(error, "error is null");
        requireNonNull(errorType, "errorType is null");
        requireNonNull(category, "category is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(failedAt, "failedAt is null");
        steps = List.copyOf(steps);
    }

    /** The failure of {@code job} in a run the ledger recorded (ended, with the failed step). */
    public static JobFailure of(RunRecord run, String job, LocalDate processDate, RuntimeException error) {
        return new JobFailure(run.runId(), job, processDate, String.valueOf(error.getMessage()),
                error.getClass().getSimpleName(), error instanceof AtlasException atlas ? atlas.category().name() : "INTERNAL",
                error instanceof AtlasException atlas && atlas.isRetryable(), Optional.of(run.startedAt()), run.endedAt(),
                run.steps());
    }

    /** Where the failure is kept. */
    public io.atlas.domain.lake.ObjectKey key() {
        return LakeLayout.glueFailureKey(job, processDate, runId);
    }

    /** The record as JSON. */
    public byte[] toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("run_id", runId.value());
        node.put("job", job);
        node.put("process_date", processDate.toString());
        node.put("error", error);
        node.put("error_type", errorType);
        node.put("category", category);
        node.put("retryable", retryable);
        node.put("started_at", startedAt.map(Object::toString).orElse(null));
        node.put("failed_at", failedAt.map(Object::toString).orElse(null));
        ArrayNode list = node.putArray("steps");
        for (StepRecord step : steps) {
            ObjectNode entry = list.addObject();
            entry.put("name", step.name().wireName());
            entry.put("state", step.state().name());
            step.error().ifPresent(e -> entry.put("error", e));
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a job failure", e);
        }
    }

    /** Writes the record to the lake. */
    public void write(ObjectStore store) {
        store.write(key(), toJson());
    }
}
