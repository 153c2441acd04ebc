package io.atlas.spark;

import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.local.dataset.ParquetDatasetStore;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.contract.EngineContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine passes the same contract as the local and in-memory engines. */
class SparkEngineTest extends EngineContract {
    @TempDir
    Path lakeDir;

    @Override
    protected Lake createLake() {
        FileSystemObjectStore store = new FileSystemObjectStore(lakeDir);
        return new Lake(store, new ParquetDatasetStore(store), new SparkEngine(TestSpark.session(), LakeLocation.of(lakeDir),
                store, NormalizationSettings.DEFAULTS, SparkEngineOptions.DEFAULTS));
    }
}
