package io.atlas.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.BindingAnnotation;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.atlas.app.AtlasSettings;
import io.atlas.app.quality.DayQuality;
import io.atlas.app.quality.RunDetailsStore;
import io.atlas.app.service.Crawler;
import io.atlas.app.service.DayChangeLog;
import io.atlas.app.service.IngestionService;
import io.atlas.app.service.LogNotifier;
import io.atlas.ports.notify.Notifier;
import io.atlas.ports.lock.CatalogLocks;
import io.atlas.ports.lock.RunLocks;
import io.atlas.app.service.OperationSettings;
import io.atlas.app.service.PipelineRunner;
import io.atlas.app.service.RunRecovery;
import io.atlas.app.service.RoutingIndex;
import io.atlas.app.service.RunContexts;
import io.atlas.app.service.Validator;
import io.atlas.local.catalog.LakeCatalog;
import io.atlas.local.dataset.ParquetDatasetStore;
import io.atlas.local.query.DuckDbQueryEngine;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.engine.Engine;
import io.atlas.ports.inprocess.InProcessEngine;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.query.QueryEngine;
import io.atlas.ports.query.QueryException;
import io.atlas.ports.storage.ObjectStore;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * Wires Atlas on one lake: the object store its location names (a directory, or S3 through a {@link LakeProvider}),
 * and on top of it the lake's own Parquet datasets, catalog, ledger and DuckDB queries (when io.atlas:atlas-query
 * brought DuckDB), and the chosen engine.
 */
public final class LocalLakeModule extends AbstractModule {
    /** The lake's object store as opened, before the store decorator (the run locks bypass the decorator). */
    @BindingAnnotation
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.PARAMETER})
    @interface Undecorated {}

    private final AtlasSettings settings;
    private final Clock clock;
    private final UnaryOperator<ObjectStore> storeDecorator;
    private final OperationSettings operations;
    private final PortOverrides ports;

    public LocalLakeModule(AtlasSettings settings, Clock clock, UnaryOperator<ObjectStore> storeDecorator) {
        this(settings, clock, storeDecorator, OperationSettings.DEFAULTS);
    }

    public LocalLakeModule(AtlasSettings settings, Clock clock, UnaryOperator<ObjectStore> storeDecorator,
            OperationSettings operations) {
        this(settings, clock, storeDecorator, operations, PortOverrides.NONE);
    }

    public LocalLakeModule(AtlasSettings settings, Clock clock, UnaryOperator<ObjectStore> storeDecorator,
            OperationSettings operations, PortOverrides ports) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.storeDecorator = requireNonNull(storeDecorator, "storeDecorator is null");
        this.operations = requireNonNull(operations, "operations is null");
        this.ports = requireNonNull(ports, "ports is null");
        if (ports.store().isEmpty() && settings.localDirectory().isEmpty()) {
            LakeProviders.forLocation(settings.lake()); // a lake no provider on the class path opens fails here, in one line
        }
    }

    /** The lake is a directory of this machine whose locks are file locks (not a store the embedder gave). */
    private boolean ownDirectory() {
        return ports.store().isEmpty() && !settings.isS3();
    }

    @Override
    protected void configure() {
        bind(AtlasSettings.class).toInstance(settings);
        bind(Clock.class).toInstance(clock);
        bind(OperationSettings.class).toInstance(operations);
    }

    @Provides
    @Singleton
    @Undecorated
    ObjectStore undecoratedStore() {
        if (ports.store().isPresent()) {
            return ports.store().get();
        }
        return LakeStores.open(settings.lake(), settings.s3());
    }

    @Provides
    @Singleton
    ObjectStore objectStore(@Undecorated ObjectStore lake) {
        return storeDecorator.apply(lake);
    }

    @Provides
    @Singleton
    DatasetStore datasets(ObjectStore store) {
        return new ParquetDatasetStore(store);
    }

    @Provides
    @Singleton
    Catalog catalog(ObjectStore store, @Undecorated ObjectStore lake) {
        if (ports.catalog().isPresent()) {
            return ports.catalog().get();
        }
        return new LakeCatalog(store, catalogLocks(lake));
    }

    /** Catalog tables are changed under a lock across processes: a file lock locally, a leased lock on S3. */
    private CatalogLocks catalogLocks(ObjectStore lake) {
        if (ports.store().isPresent()) {
            return lake.conditionalWrites().isPresent()
                    ? LakeProviders.leasedLocks().map(provider -> provider.catalogLocks(lake, clock, operations.lockLease()))
                            .orElse(CatalogLocks.NONE)
                    : CatalogLocks.NONE;
        }
        if (settings.localDirectory().isEmpty()) {
            return LakeProviders.forLocation(settings.lake()).catalogLocks(lake, clock, operations.lockLease());
        }
        return new io.atlas.local.lock.FileCatalogLocks(settings.localDirectory().orElseThrow());
    }

    @Provides
    @Singleton
    RunLedger ledger(ObjectStore store) {
        return LakeStores.ledger(store);
    }

    /** The embedded DuckDB over the lake's catalog, or Athena over the Glue Data Catalog ({@code atlas.query.engine}). */
    @Provides
    @Singleton
    QueryEngine queries(Catalog catalog, DatasetStore datasets, ObjectStore store) {
        if (ports.queries().isPresent()) {
            return ports.queries().get();
        }
        if (settings.query().engine() == AtlasSettings.QueryEngineKind.ATHENA) {
            return LakeProviders.athena(settings);
        }
        if (!duckDbPresent()) {
            return sql -> {
                throw new QueryException(ErrorCategory.USER_ERROR,
                        "Cannot run a query: DuckDB is not on the class path (add io.atlas:atlas-query)", null);
            };
        }
        return new DuckDbQueryEngine(catalog, datasets, store);
    }

    /** DuckDB (80 MB) is optional in atlas-adapter-local: it comes with io.atlas:atlas-query. */
    private static boolean duckDbPresent() {
        try {
            Class.forName("org.duckdb.DuckDBDriver", false, LocalLakeModule.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Provides
    @Singleton
    Engine engine(ObjectStore store, DatasetStore datasets) {
        if (ports.engine().isPresent()) {
            return ports.engine().get();
        }
        return switch (settings.engine()) {
            case LOCAL -> new InProcessEngine(store, datasets, settings.normalization(), settings.threads(),
                    InProcessEngine.MIN_RANGE_BYTES, settings.aggregateMemoryBytes());
            case SPARK -> SparkEngines.create(settings, store);
        };
    }

    @Provides
    @Singleton
    RunContexts runContexts() {
        return new RunContexts(clock);
    }

    @Provides
    @Singleton
    DayChangeLog changes(ObjectStore store) {
        return new DayChangeLog(store);
    }

    @Provides
    @Singleton
    IngestionService ingestion(ObjectStore store, DayChangeLog changes) {
        return new IngestionService(store, settings.normalization().limits(), new RoutingIndex(store), changes);
    }

    @Provides
    @Singleton
    Validator validator(ObjectStore store, DatasetStore datasets, Catalog catalog) {
        return new Validator(store, datasets, catalog, settings.normalization());
    }

    @Provides
    @Singleton
    PipelineRunner pipeline(Engine engine, Catalog catalog, DatasetStore datasets, RunLedger ledger, ObjectStore store,
            DayChangeLog changes, Validator validator, RunContexts contexts, Notifier notifier, RunLocks locks, DayQuality quality) {
        return new PipelineRunner(engine, new Crawler(catalog, datasets), ledger, store, changes, validator, contexts, notifier,
                locks, quality);
    }

    @Provides
    @Singleton
    RunDetailsStore runDetails(ObjectStore store) {
        return new RunDetailsStore(store);
    }

    @Provides
    @Singleton
    DayQuality quality(ObjectStore store, DatasetStore datasets, RunLedger ledger, RunDetailsStore details) {
        return new DayQuality(store, datasets, ledger, details, settings.gates());
    }

    @Provides
    @Singleton
    RunRecovery recovery(RunLedger ledger, RunLocks locks, ObjectStore store, RunContexts contexts) {
        return new RunRecovery(ledger, locks, store, contexts);
    }

    /** An operating-system file lock per date on a local lake; a leased conditional-put lock on S3. */
    @Provides
    @Singleton
    RunLocks locks(@Undecorated ObjectStore lake) {
        if (ports.runLocks().isPresent()) {
            return ports.runLocks().get();
        }
        if (ports.store().isPresent()) {
            return lake.conditionalWrites().isPresent()
                    ? LakeProviders.leasedLocks().<RunLocks>map(provider -> provider.runLocks(lake, clock, operations.lockLease()))
                            .orElseGet(io.atlas.ports.inmemory.InMemoryRunLocks::new)
                    : new io.atlas.ports.inmemory.InMemoryRunLocks();
        }
        if (settings.localDirectory().isEmpty()) {
            return LakeProviders.forLocation(settings.lake()).runLocks(lake, clock, operations.lockLease());
        }
        return new io.atlas.local.lock.FileRunLocks(settings.localDirectory().orElseThrow());
    }

    /** SNS when {@code atlas.notify.sns-topic-arn} is set, else a log line. */
    @Provides
    @Singleton
    Notifier notifier() {
        if (ports.notifier().isPresent()) {
            return ports.notifier().get();
        }
        return settings.snsTopicArn()
                .map(LakeProviders::notifier)
                .orElseGet(LogNotifier::new);
    }
}
