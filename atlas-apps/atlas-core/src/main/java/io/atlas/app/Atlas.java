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
import io.atlas.app.wiring.PortOverrides;
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
        try {
            this.injector = Guice.createInjector(module);
        } catch (com.google.inject.CreationException e) {
            throw unwrap(e, e.getErrorMessages());
        }
    }

    /** The lake's state marker: a directory (or prefix) holding it is a lake ({@link #isLake()}). */
    public static final String LAKE_MARKER = LakeLayout.ATLAS_STATE + "lake.json";

    /**
     * Whether the store holds a lake: {@code _atlas/lake.json} (written by {@link #init()}), or, for a lake made
     * before the marker existed, anything under {@code _atlas/}.
     *
     * @throws AtlasException the store cannot be listed (a missing bucket, no access)
     */
    public boolean isLake() {
        return store().exists(ObjectKey.of(LAKE_MARKER)) || !store().list(LakeLayout.ATLAS_STATE).isEmpty();
    }

    /**
     * Makes the store a lake by writing {@code _atlas/lake.json}; does nothing on a lake. {@code atlas init},
     * {@code demo}, {@code generate} and {@code ingest} of a folder holding {@code raw/} call it.
     *
     * @throws AtlasException the marker cannot be written
     */
    public void init() {
        ObjectKey marker = ObjectKey.of(LAKE_MARKER);
        if (!store().exists(marker)) {
            store().write(marker, ("{\"created_at\": \"" + contexts().now() + "\"}\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Guice's wrapper never reaches a caller: its cause if that is an {@link AtlasException}, else one named for it. */
    private AtlasException unwrap(RuntimeException wrapper, java.util.Collection<com.google.inject.spi.Message> messages) {
        Throwable cause = wrapper.getCause();
        for (com.google.inject.spi.Message message : messages) {
            if (message.getCause() != null) {
                cause = message.getCause();
                break;
            }
        }
        if (cause instanceof AtlasException atlas) {
            return atlas;
        }
        String reason = reason(cause);
        return new AtlasConfigurationException(reason.startsWith("Cannot ") ? reason
                : "Cannot open lake " + settings.lake() + ": " + reason, cause);
    }

    private static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        String message = String.valueOf(cause.getMessage());
        if (cause.getClass().getName().startsWith("software.amazon.awssdk") && message.toLowerCase(java.util.Locale.ROOT).contains("region")) {
            return "no AWS region (set AWS_REGION or atlas.s3.region)";
        }
        if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
            return message;
        }
        return message.lines().findFirst().orElse(cause.getClass().getSimpleName());
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
        private PortOverrides ports = PortOverrides.NONE;

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

        /**
         * The lake's object store, instead of opening the one {@link #lake(String)} names: a bucket through another
         * client, an in-memory store for tests. No directory is needed then; unless {@link #runLocks} is given, runs
         * lock dates within this process only.
         */
        public Builder objectStore(ObjectStore store) {
            ports = ports.withStore(requireNonNull(store, "store is null"));
            return this;
        }

        /** Where run summaries go (default: SNS with {@code atlas.notify.sns-topic-arn}, else the {@code atlas.runs} log). */
        public Builder notifier(io.atlas.ports.notify.Notifier notifier) {
            ports = ports.withNotifier(requireNonNull(notifier, "notifier is null"));
            return this;
        }

        /** The engine of normalize and aggregate (default: the in-process engine, or Spark with {@link #engine(AtlasSettings.EngineKind, String)}). */
        public Builder engine(io.atlas.ports.engine.Engine engine) {
            ports = ports.withEngine(requireNonNull(engine, "engine is null"));
            return this;
        }

        /** The catalog (default: the one kept in the lake under {@code _atlas/catalog/}). */
        public Builder catalog(io.atlas.ports.catalog.Catalog catalog) {
            ports = ports.withCatalog(requireNonNull(catalog, "catalog is null"));
            return this;
        }

        /** The SQL engine of {@link #query} (default: embedded DuckDB over the catalog). */
        public Builder queryEngine(QueryEngine engine) {
            ports = ports.withQueries(requireNonNull(engine, "engine is null"));
            return this;
        }

        /** The dates' run locks (default: file locks in the lake directory, leased locks on S3). */
        public Builder runLocks(io.atlas.ports.lock.RunLocks locks) {
            ports = ports.withRunLocks(requireNonNull(locks, "locks is null"));
            return this;
        }

        /** Worker threads for normalize (default: one per core); at least 1. */
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

        /**
         * Checks the inputs and wires the lake; the object store is opened here, so a lake that cannot be opened
         * fails now rather than at the first call.
         *
         * @throws AtlasConfigurationException no lake and no object store, a setting out of range or not parseable
         *         (naming its key), threads below 1, an unsupported lake scheme, S3 without a region
         * @throws AtlasException the lake cannot be opened (a file where the directory should be, no access)
         */
        public Atlas build() {
            if (lake == null && ports.store().isEmpty()) {
                throw new AtlasConfigurationException("Cannot build Atlas: no lake given (lake(...) or objectStore(...))");
            }
            if (threads != null && threads < 1) {
                throw new AtlasConfigurationException("Cannot build Atlas: threads must be at least 1, got " + threads);
            }
            AtlasSettings settings;
            OperationSettings operations;
            try {
                settings = AtlasSettings.from(lake != null ? lake : "store:" + ports.store().orElseThrow().getClass().getSimpleName(),
                        properties);
                if (threads != null) {
                    settings = settings.withThreads(threads);
                }
                if (engine != null) {
                    settings = settings.withEngine(engine, sparkMaster);
                }
                operations = OperationSettings.from(properties);
            } catch (IllegalArgumentException e) {
                throw new AtlasConfigurationException(e.getMessage(), e);
            }
            Atlas atlas = new Atlas(settings, new LocalLakeModule(settings, clock, storeDecorator, operations, ports));
            atlas.store();
            return atlas;
        }
    }

    public AtlasSettings settings() {
        return settings;
    }

    /** The quiet period of arriving files and the S3 lock lease ({@code atlas.ingest.quiet-period}, {@code atlas.lock.lease}). */
    public OperationSettings operations() {
        return component(OperationSettings.class);
    }

    /**
     * The lake's object store, for callers that drop files into {@code raw/} themselves.
     *
     * @throws AtlasException the store cannot be opened
     */
    public ObjectStore store() {
        return component(ObjectStore.class);
    }

    /**
     * Ingests every file under {@code raw/} (SPEC §2), in key order. A file that cannot be read is reported in
     * {@link IngestReport#failures()} and left in {@code raw/}, never thrown.
     *
     * @throws AtlasException {@code raw/} cannot be listed, or the lake's state cannot be read or written
     */
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

    /**
     * Ingests the given raw keys with one run id; a file that cannot be read is reported and left in raw/.
     *
     * @throws AtlasException the lake's state (dead runs' records, routing) cannot be read or written
     */
    public IngestReport ingest(List<ObjectKey> keys, IngestProgress progress) {
        recoverDeadRuns();
        IngestionService ingestion = component(IngestionService.class);
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

    /**
     * Runs the pipeline for one date: normalize, crawl, aggregate, crawl. A failed step is not thrown: the returned
     * record is {@code FAILED} with the step and its error, and the failure is in {@code rejected/system/glue/}.
     *
     * @throws io.atlas.ports.lock.RunConflictException another live run holds the date's lock
     * @throws AtlasException the ledger or the lock cannot be reached (the run could not be recorded at all)
     */
    public RunRecord run(LocalDate date) {
        return run(date, false, PipelineRunner.Listener.NONE);
    }

    public RunRecord run(LocalDate date, boolean validate, PipelineRunner.Listener listener) {
        recoverDeadRuns();
        return component(PipelineRunner.class).run(date, contexts().next(), validate, listener);
    }

    /**
     * Runs each date of the range in order; a failed date does not stop the others.
     *
     * @throws io.atlas.ports.lock.RunConflictException another live run holds one of the dates' locks
     * @throws AtlasException as {@link #run(LocalDate)}
     */
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

    /**
     * The days whose input changed since their last successful run, oldest first.
     *
     * @throws AtlasException the pending markers cannot be listed
     */
    public SortedSet<LocalDate> pendingDays() {
        recoverDeadRuns();
        return component(DayChangeLog.class).pendingDays();
    }

    /**
     * Runs one SQL statement over the catalog's tables ({@code log_analytics_db.*}).
     *
     * @throws io.atlas.ports.query.QueryException invalid SQL or an unknown table ({@code USER_ERROR}, with the
     *         engine's message whole), or the engine failed
     */
    public QueryResult query(String sql) {
        recoverDeadRuns();
        return component(QueryEngine.class).execute(sql);
    }

    /**
     * Reconciles a day: conservation per file, catalog against storage, gold against processed.
     *
     * @throws AtlasException the lake cannot be read
     */
    public ValidationReport validate(LocalDate date) {
        recoverDeadRuns();
        return component(Validator.class).validate(date);
    }

    /**
     * Every run in the ledger; a run its dead process left RUNNING is marked ABANDONED first.
     *
     * @throws AtlasException the ledger cannot be read (a corrupt record is named)
     */
    public List<RunRecord> runs() {
        recoverDeadRuns();
        return component(RunLedger.class).list();
    }

    /**
     * For the CLI and services that need a component directly.
     *
     * @throws AtlasException the component cannot be made (Guice's errors are unwrapped, never passed on)
     */
    public <T> T component(Class<T> type) {
        try {
            return injector.getInstance(type);
        } catch (com.google.inject.ProvisionException e) {
            throw unwrap(e, e.getErrorMessages());
        } catch (com.google.inject.ConfigurationException e) {
            throw unwrap(e, e.getErrorMessages());
        }
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
        return component(RunRecovery.class).recover();
    }

    private RunContexts contexts() {
        return component(RunContexts.class);
    }

    @Override
    public void close() {
        // Every local component holds resources only for the duration of a call; a Spark session we started is stopped.
        if (settings.engine() == AtlasSettings.EngineKind.SPARK) {
            io.atlas.app.wiring.SparkEngines.stop();
        }
    }
}
