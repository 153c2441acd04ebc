package io.atlas.ports.inmemory;

import io.atlas.domain.catalog.Column;
import io.atlas.domain.run.RunId;
import io.atlas.ports.dataset.CloseableIterator;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.dataset.PartitionWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Datasets in memory: a commit swaps a partition's row list in one step. Thread-safe. */
public final class InMemoryDatasetStore implements DatasetStore {
    private record Key(String dataset, List<String> values) {}

    private record Committed(PartitionInfo info, List<?> rows) {}

    private final Map<Key, Committed> partitions = new ConcurrentHashMap<>();

    @Override
    public <R> PartitionWriter<R> overwrite(Dataset<R> dataset, List<String> partition, RunId runId) {
        dataset.location(partition); // validates the number of values
        Key key = new Key(dataset.name(), List.copyOf(partition));
        List<R> rows = new ArrayList<>();
        return new PartitionWriter<>() {
            private boolean committed;

            @Override
            public synchronized void write(R row) {
                if (committed) {
                    throw new IllegalStateException("Cannot write to " + dataset + " " + partition + ": already committed");
                }
                rows.add(dataset.rowType().cast(row));
            }

            @Override
            public synchronized PartitionInfo commit() {
                PartitionInfo info = new PartitionInfo(partition, dataset.location(partition), runId, List.of(), rows.size());
                partitions.put(key, new Committed(info, List.copyOf(rows)));
                committed = true;
                return info;
            }

            @Override
            public synchronized void close() {
                rows.clear();
            }
        };
    }

    @Override
    public <R> CloseableIterator<R> read(Dataset<R> dataset, List<String> partition) {
        Committed committed = partitions.get(new Key(dataset.name(), List.copyOf(partition)));
        if (committed == null) {
            return CloseableIterator.of(List.of());
        }
        return CloseableIterator.of(committed.rows().stream().map(dataset.rowType()::cast).toList());
    }

    @Override
    public Optional<PartitionInfo> partition(Dataset<?> dataset, List<String> partition) {
        return Optional.ofNullable(partitions.get(new Key(dataset.name(), List.copyOf(partition)))).map(Committed::info);
    }

    @Override
    public List<PartitionInfo> partitions(Dataset<?> dataset) {
        return partitions.entrySet().stream()
                .filter(e -> e.getKey().dataset().equals(dataset.name()))
                .map(e -> e.getValue().info())
                .sorted(Comparator.comparing(info -> String.join("/", info.values())))
                .toList();
    }

    @Override
    public Optional<List<Column>> schema(Dataset<?> dataset, List<String> partition) {
        return partition(dataset, partition).map(info -> dataset.table().columns());
    }
}
