package io.atlas.local.catalog;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.ColumnType;
import io.atlas.domain.catalog.TableDefinition;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.local.json.LakeJson;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.catalog.CatalogException;
import io.atlas.ports.catalog.CatalogPartition;
import io.atlas.ports.lock.CatalogLocks;
import io.atlas.ports.lock.RunLocks;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A catalog kept in the lake itself, under {@code _atlas/catalog/<database>/}: one JSON document per table holding
 * its columns, partition keys and partitions, rewritten whole and atomically on every change. Works on any
 * {@link ObjectStore}, so a lake carries its own catalog wherever it is copied. Every read-change-write of a table
 * holds the table's {@link CatalogLocks} lock, so crawls in other processes (runs of other dates) never lose each
 * other's partitions.
 */
public final class LakeCatalog implements Catalog {
    static final String ROOT = LakeLayout.ATLAS_STATE + "catalog/";
    private static final String DATABASE_FILE = "_database.json";

    private final ObjectStore store;
    private final CatalogLocks locks;

    /** A catalog only this instance changes (tests, tools): no lock across processes. */
    public LakeCatalog(ObjectStore store) {
        this(store, CatalogLocks.NONE);
    }

    public LakeCatalog(ObjectStore store, CatalogLocks locks) {
        this.store = requireNonNull(store, "store is null");
        this.locks = requireNonNull(locks, "locks is null");
    }

    private static ObjectKey databaseKey(String database) {
        return ObjectKey.of(ROOT + database + "/" + DATABASE_FILE);
    }

    private static ObjectKey tableKey(String database, String table) {
        return ObjectKey.of(ROOT + database + "/" + table + ".json");
    }

    @Override
    public synchronized void createDatabase(String database) {
        if (!store.exists(databaseKey(database))) {
            ObjectNode node = LakeJson.object();
            node.put("name", database);
            LakeJson.write(store, databaseKey(database), node);
        }
    }

    @Override
    public synchronized List<String> databases() {
        List<String> names = new ArrayList<>();
        for (ObjectInfo object : store.list(ROOT)) {
            String rest = object.key().value().substring(ROOT.length());
            if (rest.endsWith("/" + DATABASE_FILE) && rest.indexOf('/') == rest.length() - DATABASE_FILE.length() - 1) {
                names.add(rest.substring(0, rest.indexOf('/')));
            }
        }
        return names;
    }

    @Override
    public synchronized Optional<TableDefinition> table(String database, String table) {
        return LakeJson.read(store, tableKey(database, table)).map(node -> parsed(tableKey(database, table), () -> definition(node)));
    }

    @Override
    public synchronized void putTable(String database, TableDefinition table) {
        requireDatabase(database);
        try (RunLocks.Held held = locks.lock(database, table.name())) {
            replaceDefinition(database, table);
        }
    }

    private void replaceDefinition(String database, TableDefinition table) {
        ObjectNode node = LakeJson.read(store, tableKey(database, table.name()))
                .map(existing -> (ObjectNode) existing)
                .orElseGet(() -> {
                    ObjectNode fresh = LakeJson.object();
                    fresh.putArray("partitions");
                    return fresh;
                });
        node.put("name", table.name());
        node.put("location", table.location());
        node.set("columns", columns(table.columns()));
        node.set("partition_keys", columns(table.partitionKeys()));
        LakeJson.write(store, tableKey(database, table.name()), node);
    }

    @Override
    public synchronized List<CatalogPartition> partitions(String database, String table) {
        ObjectNode node = requireTable(database, table);
        return new ArrayList<>(parsed(tableKey(database, table), () -> partitionMap(node)).values());
    }

    @Override
    public synchronized void addPartitions(String database, String table, List<CatalogPartition> partitions) {
        try (RunLocks.Held held = locks.lock(database, table)) {
            ObjectNode node = requireTable(database, table);
            TreeMap<String, CatalogPartition> all = parsed(tableKey(database, table), () -> partitionMap(node));
            partitions.forEach(p -> all.put(sortKey(p.values()), p));
            writePartitions(database, table, node, all);
        }
    }

    @Override
    public synchronized void dropPartitions(String database, String table, List<List<String>> values) {
        try (RunLocks.Held held = locks.lock(database, table)) {
            ObjectNode node = requireTable(database, table);
            TreeMap<String, CatalogPartition> all = parsed(tableKey(database, table), () -> partitionMap(node));
            values.forEach(v -> all.remove(sortKey(v)));
            writePartitions(database, table, node, all);
        }
    }

    private void writePartitions(String database, String table, ObjectNode node, TreeMap<String, CatalogPartition> all) {
        ArrayNode array = node.putArray("partitions");
        for (CatalogPartition partition : all.values()) {
            ObjectNode entry = array.addObject();
            ArrayNode values = entry.putArray("values");
            partition.values().forEach(values::add);
            entry.put("location", partition.location());
        }
        LakeJson.write(store, tableKey(database, table), node);
    }

    private void requireDatabase(String database) {
        if (!store.exists(databaseKey(database))) {
            throw new CatalogException(ErrorCategory.USER_ERROR, "Cannot use database " + database + ": it does not exist");
        }
    }

    private ObjectNode requireTable(String database, String table) {
        ObjectKey key = tableKey(database, table);
        JsonNode node = LakeJson.read(store, key).orElseThrow(() -> new CatalogException(
                ErrorCategory.USER_ERROR, "Cannot use table " + database + "." + table + ": no such table"));
        if (!(node instanceof ObjectNode object) || !node.path("partitions").isArray() || !node.path("columns").isArray()) {
            throw corrupt(key, "not a catalog table (no columns or partitions list)");
        }
        return object;
    }

    /** What a table file says, or a refusal naming the file when it does not say it in the expected shape. */
    private static <T> T parsed(ObjectKey key, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (CatalogException e) {
            throw corrupt(key, e.getMessage());
        } catch (RuntimeException e) {
            throw corrupt(key, String.valueOf(e.getMessage()));
        }
    }

    private static CatalogException corrupt(ObjectKey key, String reason) {
        return new CatalogException(ErrorCategory.INTERNAL, "Cannot read catalog table " + key + ": " + reason
                + " (restore it, or delete it and rerun its dates to rebuild it)");
    }

    private static TreeMap<String, CatalogPartition> partitionMap(JsonNode node) {
        TreeMap<String, CatalogPartition> partitions = new TreeMap<>();
        for (JsonNode entry : node.path("partitions")) {
            List<String> values = new ArrayList<>();
            entry.path("values").forEach(v -> values.add(v.asText()));
            partitions.put(sortKey(values), new CatalogPartition(values, LakeJson.text(entry, "location")));
        }
        return partitions;
    }

    /** Orders partitions by their values, value by value. */
    private static String sortKey(List<String> values) {
        return String.join("\u0000", values);
    }

    private static ArrayNode columns(List<Column> columns) {
        ArrayNode array = LakeJson.MAPPER.createArrayNode();
        for (Column column : columns) {
            ObjectNode entry = array.addObject();
            entry.put("name", column.name());
            entry.put("type", column.type().hiveName());
        }
        return array;
    }

    private static TableDefinition definition(JsonNode node) {
        return new TableDefinition(LakeJson.text(node, "name"), LakeJson.text(node, "location"),
                columnList(node.path("columns")), columnList(node.path("partition_keys")));
    }

    private static List<Column> columnList(JsonNode array) {
        List<Column> columns = new ArrayList<>();
        for (JsonNode entry : array) {
            String type = LakeJson.text(entry, "type");
            columns.add(Column.of(LakeJson.text(entry, "name"), ColumnType.fromHiveName(type)
                    .orElseThrow(() -> new CatalogException(ErrorCategory.INTERNAL, "Cannot read catalog: unknown type " + type))));
        }
        return columns;
    }
}
