package io.atlas.ports.lock;

/**
 * Mutual exclusion for the read-change-write of one catalog table kept in the lake, across threads and processes:
 * two crawls of different dates at once would otherwise both read the table's partitions, each add its own, and the
 * later write would drop the earlier one's. A catalog whose updates are per partition (Glue) needs none.
 */
public interface CatalogLocks {

    /** No lock across processes: the caller serializes (one catalog instance in one process). */
    CatalogLocks NONE = (database, table) -> () -> {};

    /**
     * Waits until the table's lock is held; closing the result releases it.
     *
     * @throws io.atlas.ports.catalog.CatalogException the lock could not be taken in time
     */
    RunLocks.Held lock(String database, String table);
}
