/**
 * The adapters of the Atlas ports for a lake on a directory (and the lake-kept state any store can hold). The
 * subpackages hold the filesystem store ({@code storage}), the Parquet datasets ({@code dataset}), the catalog
 * ({@code catalog}), run ledger ({@code ledger}) and locks ({@code lock}) kept in the lake, JSON state files
 * ({@code json}) and the DuckDB query engine ({@code query}); this package itself has no types.
 */
@NullMarked
package io.atlas.local;

import org.jspecify.annotations.NullMarked;
