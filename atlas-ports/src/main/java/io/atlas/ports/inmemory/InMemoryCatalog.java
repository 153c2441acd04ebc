package io.atlas.ports.inmemory;

import io.atlas.domain.catalog.TableDefinition;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.catalog.CatalogException;
import io.atlas.ports.catalog.CatalogPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A catalog in memory. Thread-safe (every method is synchronized). */
public final class InMemoryCatalog implements Catalog {
    private record Table(TableDefinition definition, TreeMap<String, CatalogPartition> partitions) {}

    private final Map<String, Map<String, Table>> databases = new TreeMap<>();

    @Override
    public synchronized void createDatabase(String database) {
        databases.computeIfAbsent(database, name -> new TreeMap<>());
    }

    @Override
    public synchronized List<String> databases() {
        return List.copyOf(databases.keySet());
    }

    @Override
    public synchronized Optional<TableDefinition> table(String database, String table) {
        Map<String, Table> tables = databases.get(database);
        return tables == null ? Optional.empty() : Optional.ofNullable(tables.get(table)).map(Table::definition);
    }

    @Override
    public synchronized void putTable(String database, TableDefinition table) {
        Map<String, Table> tables = database(database);
        Table existing = tables.get(table.name());
        tables.put(table.name(), new Table(table, existing == null ? new TreeMap<>() : existing.partitions()));
    }

    @Override
    public synchronized List<CatalogPartition> partitions(String database, String table) {
        return new ArrayList<>(table(database, table, "list partitions of").partitions().values());
    }

    @Override
    public synchronized void addPartitions(String database, String table, List<CatalogPartition> partitions) {
        Table target = table(database, table, "add partitions to");
        for (CatalogPartition partition : partitions) {
            target.partitions().put(key(partition.values()), partition);
        }
    }

    @Override
    public synchronized void dropPartitions(String database, String table, List<List<String>> values) {
        Table target = table(database, table, "drop partitions of");
        values.forEach(v -> target.partitions().remove(key(v)));
    }

    private Map<String, Table> database(String database) {
        Map<String, Table> tables = databases.get(database);
        if (tables == null) {
            throw new CatalogException(ErrorCategory.USER_ERROR, "Cannot use database " + database + ": it does not exist");
        }
        return tables;
    }

    private Table table(String database, String table, String verb) {
        Table found = database(database).get(table);
        if (found == null) {
            throw new CatalogException(ErrorCategory.USER_ERROR, "Cannot " + verb + " " + database + "." + table + ": no such table");
        }
        return found;
    }

    private static String key(List<String> values) {
        return String.join("\u0000", values);
    }
}
