/**
 * The lake's table format: the schemas of the three Atlas tables and how rows map to them, by column name.
 * {@link AtlasTables} declares database {@code log_analytics_db} and its tables as {@link TableDefinition}s of
 * {@link Column}s, {@link TableRows} holds their {@link RowMapping}s (from which the Parquet, Spark and DuckDB schemas
 * are derived), and {@link SchemaCompatibility} says which schema changes a crawl may make.
 */
@NullMarked
package io.atlas.domain.catalog;

import org.jspecify.annotations.NullMarked;
