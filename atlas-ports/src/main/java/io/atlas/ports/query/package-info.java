/**
 * The query port: SQL over the catalog's tables as {@code log_analytics_db.<table>}, so the origin's Athena queries
 * run unchanged. {@link QueryEngine} sees only committed partitions and returns a {@link QueryResult}, failing with a
 * {@link QueryException}.
 */
@NullMarked
package io.atlas.ports.query;

import org.jspecify.annotations.NullMarked;
