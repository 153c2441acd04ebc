package io.atlas.local;

import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.local.catalog.LakeCatalog;
import io.atlas.local.dataset.ParquetDatasetStore;
import io.atlas.local.ledger.LakeRunLedger;
import io.atlas.local.query.DuckDbQueryEngine;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.contract.CatalogContract;
import io.atlas.ports.contract.DatasetStoreContract;
import io.atlas.ports.contract.EngineContract;
import io.atlas.ports.contract.ObjectStoreContract;
import io.atlas.ports.contract.QueryEngineContract;
import io.atlas.ports.contract.RunLedgerContract;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.inprocess.InProcessEngine;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.storage.ObjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The local adapters pass every port's contract on a temporary lake directory. */
class LocalAdaptersTest {

    @Nested
    class FileSystemObjectStoreTest extends ObjectStoreContract {
        @TempDir
        Path lake;

        @Override
        protected ObjectStore createStore() {
            return new FileSystemObjectStore(lake);
        }
    }

    @Nested
    class ParquetDatasetStoreTest extends DatasetStoreContract {
        @TempDir
        Path lake;

        @Override
        protected DatasetStore createDatasets() {
            return new ParquetDatasetStore(new FileSystemObjectStore(lake));
        }
    }

    @Nested
    class LakeCatalogTest extends CatalogContract {
        @TempDir
        Path lake;

        @Override
        protected Catalog createCatalog() {
            return new LakeCatalog(new FileSystemObjectStore(lake));
        }
    }

    @Nested
    class LakeRunLedgerTest extends RunLedgerContract {
        @TempDir
        Path lake;

        @Override
        protected RunLedger createLedger() {
            return new LakeRunLedger(new FileSystemObjectStore(lake));
        }
    }

    @Nested
    class LocalEngineTest extends EngineContract {
        @TempDir
        Path lake;

        @Override
        protected Lake createLake() {
            return localLake(lake, InProcessEngine.MIN_RANGE_BYTES, Long.MAX_VALUE);
        }
    }

    @Nested
    class SplitFilesAndPassesLocalEngineTest extends EngineContract {
        @TempDir
        Path lake;

        @Override
        protected Lake createLake() {
            return localLake(lake, 8192, 1); // ranges of tiny files, and aggregate in 64 passes
        }
    }

    @Nested
    class DuckDbQueryEngineTest extends QueryEngineContract {
        @TempDir
        Path lake;

        @Override
        protected QueryLake createLake() {
            FileSystemObjectStore store = new FileSystemObjectStore(lake);
            ParquetDatasetStore datasets = new ParquetDatasetStore(store);
            LakeCatalog catalog = new LakeCatalog(store);
            return new QueryLake(datasets, catalog, new DuckDbQueryEngine(catalog, datasets, store));
        }
    }

    @Nested
    class FileRunLocksTest extends io.atlas.ports.contract.RunLocksContract {
        @TempDir
        Path lake;

        @Override
        protected io.atlas.ports.lock.RunLocks createLocks() {
            return new io.atlas.local.lock.FileRunLocks(lake);
        }
    }

    private static EngineContract.Lake localLake(Path lake, long minRangeBytes, long aggregateMemoryBytes) {
        FileSystemObjectStore store = new FileSystemObjectStore(lake);
        ParquetDatasetStore datasets = new ParquetDatasetStore(store);
        return new EngineContract.Lake(store, datasets,
                new InProcessEngine(store, datasets, NormalizationSettings.DEFAULTS, 2, minRangeBytes, aggregateMemoryBytes));
    }
}
