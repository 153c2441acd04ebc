package io.atlas.ports.dataset;

import io.atlas.domain.run.RunId;
import java.util.List;
import java.util.Optional;

/**
 * The rows of the three Atlas tables, partition by partition. A partition is replaced as a whole
 * ({@link #overwrite}) and becomes visible only when committed: readers see the previous committed rows or the
 * new ones, never a mix, never uncommitted leftovers of a crashed writer.
 */
public interface DatasetStore extends PartitionSource {

    /** Starts replacing {@code partition} of {@code dataset} on behalf of {@code runId}. */
    <R> PartitionWriter<R> overwrite(Dataset<R> dataset, List<String> partition, RunId runId);

    /** The committed rows of a partition; empty when it was never committed. */
    <R> CloseableIterator<R> read(Dataset<R> dataset, List<String> partition);

    /** The committed partition, if any. */
    Optional<PartitionInfo> partition(Dataset<?> dataset, List<String> partition);

}
