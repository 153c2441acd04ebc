package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.app.quality.DayQuality;
import io.atlas.app.quality.RunDetails;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.quality.GateOutcome;
import io.atlas.domain.quality.InputFile;
import io.atlas.domain.run.RunContext;
import io.atlas.ports.AtlasException;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.engine.Engine;
import io.atlas.ports.ledger.CountKey;
import io.atlas.ports.ledger.RunKind;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.ledger.StepRecord;
import io.atlas.ports.lock.RunLocks;
import io.atlas.ports.notify.Notifier;
import io.atlas.ports.notify.RunSummary;
import io.atlas.ports.storage.ObjectStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The orchestrator of SPEC §5: a run for D is normalize(D) -> crawl logs -> aggregate(D) -> crawl daily_activity
 * (and, if asked, validate(D)). It records each step's state in the run ledger, stops at the first failure, and
 * writes that failure to {@code rejected/system/glue/<step>/<D>/<run_id>.json}. On success it clears the day's
 * pending changes that existed when it started, after recording the day's quality gates and what changed since the
 * previous successful run ({@link DayQuality}; a gate never changes the numbers or the run's state).
 */
public final class PipelineRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Notified as steps start and end, for progress displays. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void stepStarted(LocalDate date, StepName step) {}

        default void stepEnded(LocalDate date, StepRecord step) {}
    }

    private final Engine engine;
    private final Crawler crawler;
    private final RunLedger ledger;
    private final ObjectStore store;
    private final DayChangeLog changes;
    private final Validator validator;
    private final RunContexts clock;
    private final Notifier notifier;
    private final RunLocks locks;
    private final DayQuality quality;

    public PipelineRunner(Engine engine, Crawler crawler, RunLedger ledger, ObjectStore store, DayChangeLog changes,
            Validator validator, RunContexts clock, Notifier notifier, RunLocks locks, DayQuality quality) {
        this.engine = requireNonNull(engine, "engine is null");
        this.crawler = requireNonNull(crawler, "crawler is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.store = requireNonNull(store, "store is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.validator = requireNonNull(validator, "validator is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.notifier = requireNonNull(notifier, "notifier is null");
        this.locks = requireNonNull(locks, "locks is null");
        this.quality = requireNonNull(quality, "quality is null");
    }

    /**
     * Runs the pipeline for {@code date}, holding the date's run lock throughout.
     *
     * @throws io.atlas.ports.lock.RunConflictException another run of the date is in progress (nothing is recorded)
     */
    public RunRecord run(LocalDate date, RunContext context, boolean validate, Listener listener) {
        try (RunLocks.Held lock = locks.acquire(date, context.runId())) {
            return runLocked(date, context, validate, listener, lock);
        }
    }

    private RunRecord runLocked(LocalDate date, RunContext context, boolean validate, Listener listener, RunLocks.Held lock) {
        List<StepName> steps = new ArrayList<>(List.of(StepName.NORMALIZE, StepName.CRAWL_LOGS, StepName.AGGREGATE,
                StepName.CRAWL_DAILY_ACTIVITY));
        if (validate) {
            steps.add(StepName.VALIDATE);
        }
        RunRecord record = RunRecord.started(context.runId(), RunKind.PIPELINE, Optional.of(date), context.startedAt(), steps);
        ledger.save(record);
        List<ObjectKey> pendingAtStart = changes.snapshot(date);
        Published published = new Published();
        for (StepName step : steps) {
            StepRecord started = record.step(step).orElseThrow().started(clock.now());
            record = record.withStep(started);
            ledger.save(record);
            listener.stepStarted(date, step);
            try {
                lock.ensureHeld();
                Map<String, Long> counts = execute(step, date, context, published);
                record = record.withStep(started.succeeded(clock.now(), counts));
                ledger.save(record);
                listener.stepEnded(date, record.step(step).orElseThrow());
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                record = record.withStep(started.failed(clock.now(), message)).ended(clock.now(), RunState.FAILED);
                ledger.save(record);
                listener.stepEnded(date, record.step(step).orElseThrow());
                removeUncommitted(date);
                writeFailure(record, step, date, e);
                LOG.debug("Run {} for {} failed in {}", context.runId(), date, step, e);
                notifier.runFinished(RunSummary.of(record));
                return record;
            } catch (OutOfMemoryError e) {
                // The step's memory is unreachable once its frames are gone: record the failure before the process ends.
                record = record.withStep(started.failed(clock.now(), outOfMemory(step, date, e))).ended(clock.now(), RunState.FAILED);
                ledger.save(record);
                removeUncommitted(date);
                throw e;
            }
        }
        List<GateOutcome> gates = List.of();
        if (published.row != null) {
            try {
                RunDetails details = quality.record(context.runId(), date, published.inputs, published.row, clock.now());
                gates = details.gates();
            } catch (RuntimeException e) {
                LOG.warn("Cannot record the quality gates and changes of run {} for {}: {}", context.runId(), date, e.getMessage());
            }
        }
        record = record.ended(clock.now(), RunState.SUCCEEDED);
        ledger.save(record);
        changes.clear(pendingAtStart);
        notifier.runFinished(RunSummary.of(record).withGates(gates));
        return record;
    }

    /** What the steps of one run hand on to the day's quality checks: the inputs read and the row published. */
    private static final class Published {
        List<InputFile> inputs = List.of();
        @org.jspecify.annotations.Nullable DailyActivity row;
    }

    private Map<String, Long> execute(StepName step, LocalDate date, RunContext context, Published published) {
        return switch (step) {
            case NORMALIZE -> {
                published.inputs = quality.inputs(date);
                yield engine.normalize(context, date).asCounts();
            }
            case CRAWL_LOGS, CRAWL_DAILY_ACTIVITY -> crawler.crawlStep(step, date);
            case AGGREGATE -> {
                published.row = engine.aggregate(context, date);
                yield StepCounts.aggregate(published.row);
            }
            case VALIDATE -> {
                ValidationReport report = validator.validate(date);
                if (!report.passed()) {
                    throw new ValidationFailedException(date, report);
                }
                yield Map.of(CountKey.CHECKS.wireName(), (long) report.checks().size());
            }
        };
    }

    static String outOfMemory(StepName step, LocalDate date, OutOfMemoryError error) {
        return "Cannot " + step.wireName() + " " + date + ": out of memory (" + error.getMessage() + "); raise the heap"
                + " (ATLAS_JAVA_OPTS=-Xmx...) or lower atlas.threads";
    }

    /** A failed run removes what it published but did not commit, so direct readers never see it. */
    private void removeUncommitted(LocalDate date) {
        try {
            RunRecovery.removeUncommitted(store, date);
        } catch (RuntimeException e) {
            LOG.warn("Cannot remove the uncommitted files of {} now ({}); the next commit of each partition removes them", date, e.getMessage());
        }
    }

    private void writeFailure(RunRecord record, StepName step, LocalDate date, RuntimeException error) {
        try {
            JobFailure.of(record, step.wireName(), date, error).write(store);
        } catch (RuntimeException e) {
            LOG.warn("Cannot record the failure of run {} in rejected/system/glue: {}", record.runId(), e.getMessage());
        }
    }
}
