package io.atlas.ports.catalog;

import io.atlas.domain.catalog.TableDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Table and partition metadata (the Glue Data Catalog, or a catalog kept in the lake). The catalog records what
 * it is told; deciding whether a schema change is compatible is the crawler's job
 * ({@link io.atlas.domain.catalog.SchemaCompatibility}).
 */
public interface Catalog {

    /** Creates the database if it does not exist. */
    void createDatabase(String database);

    List<String> databases();

    Optional<TableDefinition> table(String database, String table);

    /**
     * Creates the table or replaces its definition.
     *
     * @throws CatalogException when the database does not exist
     */
    void putTable(String database, TableDefinition table);

    /**
     * The table's partitions, in ascending order of their values.
     *
     * @throws CatalogException when the table does not exist
     */
    List<CatalogPartition> partitions(String database, String table);

    /** Registers partitions; one already registered with the same values is replaced. */
    void addPartitions(String database, String table, List<CatalogPartition> partitions);

    /** Drops the partitions with these values; values not registered are ignored. */
    void dropPartitions(String database, String table, List<List<String>> values);
}
