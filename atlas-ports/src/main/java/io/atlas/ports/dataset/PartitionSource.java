package io.atlas.ports.dataset;

import io.atlas.domain.catalog.Column;
import java.util.List;
import java.util.Optional;

/** What a crawler reads of a table in the lake: its committed partitions and the schema their files carry. */
public interface PartitionSource {

    /** Every committed partition of the dataset, in ascending order of its values. */
    List<PartitionInfo> partitions(Dataset<?> dataset);

    /** The data columns as written in a committed partition's files (a Parquet footer); empty when not committed. */
    Optional<List<Column>> schema(Dataset<?> dataset, List<String> partition);
}
