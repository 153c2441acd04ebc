package io.atlas.ports.query;

/**
 * SQL over the catalog's tables, addressed as {@code log_analytics_db.<table>} with their partition columns, so
 * the origin's Athena queries run unchanged. Only committed partitions are visible.
 */
public interface QueryEngine {

    /**
     * Runs one statement and returns all its rows.
     *
     * @throws QueryException for invalid SQL or an unknown table ({@link io.atlas.ports.ErrorCategory#USER_ERROR})
     */
    QueryResult execute(String sql);
}
