package io.atlas.ports.inmemory;

import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.contract.CatalogContract;
import io.atlas.ports.contract.DatasetStoreContract;
import io.atlas.ports.contract.EngineContract;
import io.atlas.ports.contract.ObjectStoreContract;
import io.atlas.ports.contract.RunLedgerContract;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.inprocess.InProcessEngine;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.storage.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;

/** The in-memory implementations pass every port's contract. */
class InMemoryAdaptersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-01T00:00:00Z"), ZoneOffset.UTC);

    @Nested
    class ObjectStoreTest extends ObjectStoreContract {
        @Override
        protected ObjectStore createStore() {
            return new InMemoryObjectStore(CLOCK);
        }
    }

    @Nested
    class ConditionalWritesTest extends io.atlas.ports.contract.ConditionalWritesContract {
        @Override
        protected ObjectStore createStore() {
            return new InMemoryObjectStore(CLOCK);
        }
    }

    /** A decorating store passes its delegate's abilities on: asked for, not cast to. */
    @Nested
    class DecoratedConditionalWritesTest extends io.atlas.ports.contract.ConditionalWritesContract {
        @Override
        protected ObjectStore createStore() {
            return new io.atlas.ports.testing.FaultyObjectStore(new InMemoryObjectStore(CLOCK), 0,
                    io.atlas.ports.testing.FaultyObjectStore.Fault.THROW);
        }
    }

    @Nested
    class DatasetStoreTest extends DatasetStoreContract {
        @Override
        protected DatasetStore createDatasets() {
            return new InMemoryDatasetStore();
        }
    }

    @Nested
    class CatalogTest extends CatalogContract {
        @Override
        protected Catalog createCatalog() {
            return new InMemoryCatalog();
        }
    }

    @Nested
    class RunLedgerTest extends RunLedgerContract {
        @Override
        protected RunLedger createLedger() {
            return new InMemoryRunLedger();
        }
    }

    @Nested
    class SingleThreadEngineTest extends EngineContract {
        @Override
        protected Lake createLake() {
            return engineLake(1, InProcessEngine.MIN_RANGE_BYTES);
        }
    }

    @Nested
    class ParallelEngineTest extends EngineContract {
        @Override
        protected Lake createLake() {
            return engineLake(4, InProcessEngine.MIN_RANGE_BYTES);
        }
    }

    @Nested
    class SplitFilesEngineTest extends EngineContract {
        @Override
        protected Lake createLake() {
            return engineLake(3, 4096);
        }
    }

    @Nested
    class RunLocksTest extends io.atlas.ports.contract.RunLocksContract {
        @Override
        protected io.atlas.ports.lock.RunLocks createLocks() {
            return new InMemoryRunLocks();
        }
    }

    private static EngineContract.Lake engineLake(int threads, long minRangeBytes) {
        InMemoryObjectStore store = new InMemoryObjectStore(CLOCK);
        InMemoryDatasetStore datasets = new InMemoryDatasetStore();
        return new EngineContract.Lake(store, datasets,
                new InProcessEngine(store, datasets, NormalizationSettings.DEFAULTS, threads, minRangeBytes, Long.MAX_VALUE));
    }
}
