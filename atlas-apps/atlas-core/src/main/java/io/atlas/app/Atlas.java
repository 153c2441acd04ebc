package io.atlas.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.atlas.app.service.Arrivals;
import io.atlas.app.service.BackfillReport;
import io.atlas.app.service.DayChangeLog;
import io.atlas.app.service.IngestOutcome;
import io.atlas.app.service.IngestReport;
import io.atlas.app.service.IngestionService;
import io.atlas.app.service.OperationSettings;
import io.atlas.app.service.PipelineRunner;
import io.atlas.app.service.RunRecovery;
import io.atlas.app.service.RunContexts;
import io.atlas.app.service.ValidationReport;
import io.atlas.app.service.Validator;
import io.atlas.app.wiring.LocalLakeModule;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunContext;
import io.atlas.domain.schedule.DateRange;
import io.atlas.ports.AtlasException;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.query.QueryEngine;
import io.atlas.ports.query.QueryResult;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;

/**
 * Atlas as a library: the whole pipeline on one lake behind a handful of methods. The CLI is a thin shell over this
 * class.
 *
 * <pre>{@code
 * try (Atlas atlas = Atlas.builder().lake(Path.of("my-lake")).build()) {
 *     atlas.ingest();
 *     atlas.run(LocalDate.parse("2024-11-29"));
 *     atlas.query("SELECT * FROM log_analytics_db.daily_activity");
 * }
 * }</pre>
 */
public final class Atlas implements AutoCloseable {
    private volatile boolean recovered;
    private final AtlasSettings settings;
    private final Injector injector;

    private Atlas(AtlasSettings settings, Module module) {
        this.settings = settings;
        this.injector = Guice.createInjector(module);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link Atlas}; only the lake is required. */
    public static final class Builder {
        private String lake;
        private Integer threads;
        private Properties properties = new Properties();
        private Clock clock = Clock.systemUTC();
        private AtlasSettings.EngineKind engine;
        private String sparkMaster;
        private java.util.function.UnaryOperator<ObjectStore> storeDecorator = java.util.function.UnaryOperator.identity();

        /** A lake in a local directory. */
        public Builder lake(Path directory) {
            this.lake = requireNonNull(directory, "directory is null").toString();
            return this;
        }

        /** A lake by location: a directory, {@code file:///dir} or {@code s3://bucket/prefix}. */
        public Builder lake(String location) {
            this.lake = requireNonNull(location, "location is null");
            return this;
        }

        /** The engine: {@code LOCAL} (default) or {@code SPARK} on {@code master} (e.g. {@code local[*]}). */
        public Builder engine(AtlasSettings.EngineKind kind, String master) {
            this.engine = requireNonNull(kind, "kind is null");
            this.sparkMaster = requireNonNull(master, "master is null");
            return this;
        }

        /**
         * Wraps the lake's object store, for instrumentation (metrics, tracing, fault injection in tests). A wrapper
         * should pass the wrapped store's abilities on ({@link ObjectStore#localFiles()},
         * {@link ObjectStore#conditionalWrites()}), or the lake loses renames and conditional writes.
         */
        public Builder objectStoreDecorator(java.util.function.UnaryOperator<ObjectStore> decorator) {
            this.storeDecorator = requireNonNull(decorator, "decorator is null");
            return this;
        }

        /** Worker threads for normalize (default: one per core). */
        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        /** Settings by key ({@code atlas.max-record-bytes}, ...; see {@link AtlasSettings}). */
        public Builder properties(Properties values) {
            this.properties = requireNonNull(values, "values is null");
            return this;
        }

        /** The clock run ids and timestamps come from (tests pass a fixed one). */
        public Builder clock(Clock value) {
            this.clock = requireNonNull(value, "value is null");
            return this;
        }

        public Atlas build() {
            if (lake == null) {
                throw new IllegalStateException("Cannot build Atlas: no lake given");
            }
            AtlasSettings settings = AtlasSettings.from(lake, properties);
            if (threads != null) {
                settings = settings.withThreads(threads);
            }
            if (engine != null) {
                settings = settings.withEngine(engine, sparkMaster);
            }
            return new Atlas(settings, new LocalLakeModule(settings, clock, storeDecorator, OperationSettings.from(properties)));
        }
    }

    public AtlasSettings settings() {
        return settings;
    }

    /** The quiet period of arriving files and the S3 lock lease ({@code atlas.ingest.quiet-period}, {@code atlas.lock.lease}). */
    public OperationSettings operations() {
        return injector.getInstance(OperationSettings.class);
    }

    /** The lake's object store, for callers that drop files into {@code raw/} themselves. */
    public ObjectStore store() {
        return injector.getInstance(ObjectStore.class);
    }

    /** Ingests every file under {@code raw/} (SPEC §2), in key order. */
    public IngestReport ingest() {
        return ingestAll(IngestProgress.NONE);
    }

    /**
     * Ingests every file under {@code raw/}; files whose names cannot be lake keys (control characters, '.' or '..'
     * segments) are reported as failures and left where they are, never skipped silently.
     */
    public IngestReport ingestAll(IngestProgress progress) {
        return ingestAll(java.time.Duration.ZERO, progress);
    }

    /**
     * Ingests every file under {@code raw/} that is complete: names producers use while writing are left alone (see
     * {@link Arrivals}), and so are files modified less than {@code quietPeriod} ago.
     */
    public IngestReport ingestAll(java.time.Duration quietPeriod, IngestProgress progress) {
        java.time.Instant now = contexts().now();
        IngestReport report = ingest(store().list(LakeLayout.RAW).stream()
                .filter(file -> !Arrivals.inProgressName(file.key())
                        && (quietPeriod.isZero() || Arrivals.quietSince(file, quietPeriod, now)))
                .map(ObjectInfo::key).toList(), progress);
        Optional<io.atlas.ports.storage.LocalFiles> local = store().localFiles();
        if (local.isEmpty()) {
            return report;
        }
        Map<String, String> failures = new LinkedHashMap<>(report.failures());
        for (String name : local.get().unaddressable(LakeLayout.RAW)) {
            failures.put(name.replaceAll("\\p{Cntrl}", "?"), "Cannot ingest this file: its name has control characters or "
                    + "'.'/'..' segments, which no lake key may have; rename it");
        }
        return new IngestReport(report.outcomes(), failures);
    }

    /** Notified after each file. */
    public interface IngestProgress {
        IngestProgress NONE = (done, total, outcome) -> {};

        void ingested(int done, int total, IngestOutcome outcome);
    }

    /** Ingests the given raw keys with one run id; a file that cannot be read is reported and left in raw/. */
    public IngestReport ingest(List<ObjectKey> keys, IngestProgress progress) {
        recoverDeadRuns();
        IngestionService ingestion = injector.getInstance(IngestionService.class);
        RunContext context = contexts().next();
        List<IngestOutcome> outcomes = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        int done = 0;
        for (ObjectKey key : keys) {
            try {
                IngestOutcome outcome = ingestion.ingest(key, context);
                outcomes.add(outcome);
                progress.ingested(++done, keys.size(), outcome);
            } catch (AtlasException | IllegalArgumentException e) {
                failures.put(key.value(), e.getMessage());
                done++;
            }
        }
        return new IngestReport(outcomes, failures);
    }

    /** Runs the pipeline for one date: normalize, crawl, aggregate, crawl. */
    public RunRecord run(LocalDate date) {
        return run(date, false, PipelineRunner.Listener.NONE);
    }

    public RunRecord run(LocalDate date, boolean validate, PipelineRunner.Listener listener) {
        recoverDeadRuns();
        return injector.getInstance(PipelineRunner.class).run(date, contexts().next(), validate, listener);
    }

    /** Runs each date of the range in order; a failed date does not stop the others. */
    public BackfillReport backfill(DateRange range) {
        return backfill(range, PipelineRunner.Listener.NONE);
    }

    public BackfillReport backfill(DateRange range, PipelineRunner.Listener listener) {
        List<RunRecord> runs = new ArrayList<>();
        for (LocalDate date : range.days()) {
            runs.add(run(date, false, listener));
        }
        return new BackfillReport(runs);
    }

    /** The days whose input changed since their last successful run, oldest first. */
    public SortedSet<LocalDate> pendingDays() {
        recoverDeadRuns();
        return injector.getInstance(DayChangeLog.class).pendingDays();
    }

    public QueryResult query(String sql) {
        recoverDeadRuns();
        return injector.getInstance(QueryEngine.class).execute(sql);
    }

    public ValidationReport validate(LocalDate date) {
        recoverDeadRuns();
        return injector.getInstance(Validator.class).validate(date);
    }

    /** Every run in the ledger; a run its dead process left RUNNING is marked ABANDONED first. */
    public List<RunRecord> runs() {
        recoverDeadRuns();
        return injector.getInstance(RunLedger.class).list();
    }

    /** For the CLI and services that need a component directly. */
    public <T> T component(Class<T> type) {
        return injector.getInstance(type);
    }

    /**
     * Once per instance, before the first command that reads or changes the lake: marks runs whose process died as
     * ABANDONED and removes what they published without committing (see {@link RunRecovery}).
     */
    public List<RunRecord> recoverDeadRuns() {
        if (recovered) {
            return List.of();
        }
        recovered = true;
        return injector.getInstance(RunRecovery.class).recover();
    }

    private RunContexts contexts() {
        return injector.getInstance(RunContexts.class);
    }

    @Override
    public void close() {
        // Every local component holds resources only for the duration of a call; a Spark session we started is stopped.
        if (settings.engine() == AtlasSettings.EngineKind.SPARK) {
            io.atlas.app.wiring.SparkEngines.stop();
        }
    }
}
