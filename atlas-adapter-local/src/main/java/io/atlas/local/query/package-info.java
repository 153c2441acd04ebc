/**
 * The query port on an embedded DuckDB. {@link DuckDbQueryEngine} exposes each catalog table of
 * {@code log_analytics_db} as a view over the committed Parquet files of its registered partitions, with partition
 * columns read from the paths.
 */
@NullMarked
package io.atlas.local.query;

import org.jspecify.annotations.NullMarked;
