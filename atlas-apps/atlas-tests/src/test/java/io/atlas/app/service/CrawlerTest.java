package io.atlas.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.catalog.AtlasTables;
import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.run.RunId;
import io.atlas.local.catalog.LakeCatalog;
import io.atlas.local.dataset.ParquetDatasetStore;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.catalog.IncompatibleSchemaException;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.PartitionWriter;
import io.atlas.ports.inmemory.InMemoryCatalog;
import io.atlas.ports.inmemory.InMemoryDatasetStore;
import io.atlas.domain.record.CanonicalRecord;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlerTest {
    private static final LocalDate D29 = LocalDate.of(2024, 11, 29);

    @TempDir
    Path lake;

    private static void commitEmpty(DatasetStore datasets, LogType type, LocalDate day) {
        try (PartitionWriter<CanonicalRecord> writer = datasets.overwrite(Dataset.LOGS, Dataset.logsPartition(type, day), RunId.of("r"))) {
            writer.commit();
        }
    }

    @Test
    void registersNewPartitionsAndDropsVanishedOnesWithTheFooterSchema() {
        FileSystemObjectStore store = new FileSystemObjectStore(lake);
        ParquetDatasetStore datasets = new ParquetDatasetStore(store);
        LakeCatalog catalog = new LakeCatalog(store);
        Crawler crawler = new Crawler(catalog, datasets);
        commitEmpty(datasets, LogType.ACCESS, D29);
        commitEmpty(datasets, LogType.ERROR, D29);

        CrawlReport first = crawler.crawl(Dataset.LOGS, Set.of());
        assertThat(first).isEqualTo(new CrawlReport("logs", 2, 0, 2, false));
        assertThat(catalog.table(AtlasTables.DATABASE, "logs")).contains(AtlasTables.LOGS);
        assertThat(crawler.crawl(Dataset.LOGS, Set.of())).isEqualTo(new CrawlReport("logs", 0, 0, 2, false));

        store.delete(io.atlas.domain.lake.ObjectKey.of("processed/logs/log_type=error/year=2024/month=11/day=29/_atlas_commit.json"));
        assertThat(crawler.crawl(Dataset.LOGS, Set.of())).isEqualTo(new CrawlReport("logs", 0, 1, 1, false));
        assertThat(catalog.partitions(AtlasTables.DATABASE, "logs")).extracting(p -> p.values().get(0)).containsExactly("access");
    }

    @Test
    void refusesAnIncompatibleSchemaAndLeavesTheTableAsItWas() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryDatasetStore stored = new InMemoryDatasetStore();
        commitEmpty(stored, LogType.ACCESS, D29);
        List<Column> retyped = new ArrayList<>(AtlasTables.LOGS.columns());
        retyped.set(5, Column.of("status_code", ColumnType.STRING));
        DatasetStore drifted = new DatasetStoreWithSchema(stored, Map.of("day=30", retyped));
        Crawler crawler = new Crawler(catalog, drifted);
        crawler.crawl(Dataset.LOGS, Set.of());
        commitEmpty(stored, LogType.ACCESS, D29.plusDays(1));

        assertThatThrownBy(() -> crawler.crawl(Dataset.LOGS, Set.of()))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("Cannot update table log_analytics_db.logs: incompatible schema change")
                .hasMessageContaining("status_code is int, found string");
        assertThat(catalog.table(AtlasTables.DATABASE, "logs")).contains(AtlasTables.LOGS);
        assertThat(catalog.partitions(AtlasTables.DATABASE, "logs")).hasSize(1);
        assertThat(catalog.databases()).containsExactly(AtlasTables.DATABASE);
    }

    @Test
    void appendedColumnsEvolveTheTable() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryDatasetStore stored = new InMemoryDatasetStore();
        commitEmpty(stored, LogType.ACCESS, D29);
        List<Column> wider = new ArrayList<>(AtlasTables.LOGS.columns());
        wider.add(Column.of("trace_id", ColumnType.STRING));
        Crawler crawler = new Crawler(catalog, new DatasetStoreWithSchema(stored, Map.of("day=30", wider)));
        crawler.crawl(Dataset.LOGS, Set.of());
        commitEmpty(stored, LogType.ACCESS, D29.plusDays(1));

        CrawlReport report = crawler.crawl(Dataset.LOGS, Set.of());

        assertThat(report.schemaEvolved()).isTrue();
        assertThat(catalog.table(AtlasTables.DATABASE, "logs").orElseThrow().column("trace_id")).isPresent();
    }

    /** A dataset store whose footers say something else for some partitions, as files written by another tool would. */
    private record DatasetStoreWithSchema(DatasetStore delegate, Map<String, List<Column>> schemaByPathPart) implements DatasetStore {
        @Override
        public <R> PartitionWriter<R> overwrite(Dataset<R> dataset, List<String> partition, RunId runId) {
            return delegate.overwrite(dataset, partition, runId);
        }

        @Override
        public <R> io.atlas.ports.dataset.CloseableIterator<R> read(Dataset<R> dataset, List<String> partition) {
            return delegate.read(dataset, partition);
        }

        @Override
        public Optional<io.atlas.ports.dataset.PartitionInfo> partition(Dataset<?> dataset, List<String> partition) {
            return delegate.partition(dataset, partition);
        }

        @Override
        public List<io.atlas.ports.dataset.PartitionInfo> partitions(Dataset<?> dataset) {
            return delegate.partitions(dataset);
        }

        @Override
        public Optional<List<Column>> schema(Dataset<?> dataset, List<String> partition) {
            String location = dataset.location(partition);
            return schemaByPathPart.entrySet().stream().filter(e -> location.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().or(() -> delegate.schema(dataset, partition));
        }
    }
}
