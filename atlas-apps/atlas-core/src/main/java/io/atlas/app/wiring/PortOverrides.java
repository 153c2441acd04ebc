package io.atlas.app.wiring;

import static java.util.Objects.requireNonNull;

import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.engine.Engine;
import io.atlas.ports.lock.RunLocks;
import io.atlas.ports.notify.Notifier;
import io.atlas.ports.query.QueryEngine;
import io.atlas.ports.storage.ObjectStore;
import java.util.Optional;

/**
 * The ports an embedder gave {@code Atlas.builder()} instead of the ones the lake location implies; an empty one is
 * wired as usual by {@link LocalLakeModule}.
 */
public record PortOverrides(Optional<ObjectStore> store, Optional<Notifier> notifier, Optional<Engine> engine,
        Optional<Catalog> catalog, Optional<QueryEngine> queries, Optional<RunLocks> runLocks) {
    public static final PortOverrides NONE = new PortOverrides(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public PortOverrides {
        requireNonNull(store, "store is null");
        requireNonNull(notifier, "notifier is null");
        requireNonNull(engine, "engine is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(queries, "queries is null");
        requireNonNull(runLocks, "runLocks is null");
    }

    public PortOverrides withStore(ObjectStore value) {
        return new PortOverrides(Optional.of(value), notifier, engine, catalog, queries, runLocks);
    }

    public PortOverrides withNotifier(Notifier value) {
        return new PortOverrides(store, Optional.of(value), engine, catalog, queries, runLocks);
    }

    public PortOverrides withEngine(Engine value) {
        return new PortOverrides(store, notifier, Optional.of(value), catalog, queries, runLocks);
    }

    public PortOverrides withCatalog(Catalog value) {
        return new PortOverrides(store, notifier, engine, Optional.of(value), queries, runLocks);
    }

    public PortOverrides withQueries(QueryEngine value) {
        return new PortOverrides(store, notifier, engine, catalog, Optional.of(value), runLocks);
    }

    public PortOverrides withRunLocks(RunLocks value) {
        return new PortOverrides(store, notifier, engine, catalog, queries, Optional.of(value));
    }
}
