/**
 * The catalog port: table and partition metadata (the Glue Data Catalog, or a catalog kept in the lake).
 * {@link Catalog} records tables and {@link CatalogPartition}s as it is told; its failures are
 * {@link CatalogException}s, and {@link IncompatibleSchemaException} refuses a schema that cannot replace a table's.
 */
@NullMarked
package io.atlas.ports.catalog;

import org.jspecify.annotations.NullMarked;
