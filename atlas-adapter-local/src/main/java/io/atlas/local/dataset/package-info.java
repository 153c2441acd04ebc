/**
 * The three Atlas tables as Parquet files in the lake. {@link ParquetDatasetStore} is the
 * {@link io.atlas.ports.dataset.DatasetStore} (with the columnar {@link io.atlas.ports.dataset.EventScan}) over any
 * object store; it writes columns by name from the domain's {@link io.atlas.domain.catalog.RowMapping}s and publishes
 * each partition through {@link io.atlas.ports.commit.PartitionCommit}. {@link ParquetSchemas} infers catalog columns
 * from a Parquet footer, whoever wrote the file.
 */
@NullMarked
package io.atlas.local.dataset;

import org.jspecify.annotations.NullMarked;
