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
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A catalog kept in the lake itself, under {@code _atlas/catalog/<database>/}: one JSON document per table holding
 * its columns, partition keys and partitions, rewritten whole and atomically on every change. Works on any
 * {@link ObjectStore}, so a lake carries its own catalog wherever it is copied.
 */
public final class LakeCatalog implements Catalog {
    static final String ROOT = LakeLayout.ATLAS_STATE + "catalog/";
    private static final String DATABASE_FILE = "_database.json";

    private final ObjectStore store;

    public LakeCatalog(ObjectStore store) {
        this.store = requireNonNull(store, "store is null");
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
        return LakeJson.read(store, tableKey(database, table)).map(LakeCatalog::definition);
    }

    @Override
    public synchronized void putTable(String database, TableDefinition table) {
        requireDatabase(database);
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
        return new ArrayList<>(partitionMap(requireTable(database, table)).values());
    }

    @Override
    public synchronized void addPartitions(String database, String table, List<CatalogPartition> partitions) {
        ObjectNode node = requireTable(database, table);
        TreeMap<String, CatalogPartition> all = partitionMap(node);
        partitions.forEach(p -> all.put(sortKey(p.values()), p));
        writePartitions(database, table, node, all);
    }

    @Override
    public synchronized void dropPartitions(String database, String table, List<List<String>> values) {
        ObjectNode node = requireTable(database, table);
        TreeMap<String, CatalogPartition> all = partitionMap(node);
        values.forEach(v -> all.remove(sortKey(v)));
        writePartitions(database, table, node, all);
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
        return (ObjectNode) LakeJson.read(store, tableKey(database, table)).orElseThrow(() -> new CatalogException(
                ErrorCategory.USER_ERROR, "Cannot use table " + database + "." + table + ": no such table"));
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
