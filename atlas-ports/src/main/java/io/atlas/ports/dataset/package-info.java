/**
 * The dataset port: the rows of the three Atlas tables, partition by partition. {@link DatasetStore} replaces a
 * partition through a {@link PartitionWriter} that publishes all rows at once on commit, and lists committed
 * partitions as {@link PartitionInfo}s of a {@link Dataset}; {@link EventScan} is the optional columnar read of
 * aggregate, and {@link PartitionSource} what a crawler reads.
 */
@NullMarked
package io.atlas.ports.dataset;

import org.jspecify.annotations.NullMarked;
