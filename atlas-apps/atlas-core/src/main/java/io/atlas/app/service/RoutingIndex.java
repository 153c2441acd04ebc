package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.NoSuchObjectException;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where each file name is currently routed: {@code _atlas/routing/<format>/<name>.json} lists the days holding a
 * validated copy, so a re-upload can remove copies on days its new version no longer touches without listing all of
 * {@code validated/}.
 */
public final class RoutingIndex {
    static final String ROOT = LakeLayout.ATLAS_STATE + "routing/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;

    public RoutingIndex(ObjectStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    private static ObjectKey key(LogFormat format, String name) {
        return ObjectKey.of(ROOT + format.folder() + "/" + name + ".json");
    }

    /** The days the name is routed to, empty when it never was. */
    public SortedSet<LocalDate> days(LogFormat format, String name) {
        ObjectKey key = key(format, name);
        byte[] bytes;
        try {
            bytes = store.readAllBytes(key);
        } catch (NoSuchObjectException e) {
            return new TreeSet<>();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.path("days").isArray()) {
                throw new IOException("no list of days");
            }
            TreeSet<LocalDate> days = new TreeSet<>();
            node.path("days").forEach(d -> days.add(LocalDate.parse(d.asText())));
            return days;
        } catch (IOException | RuntimeException e) {
            throw new StorageException(ErrorCategory.INTERNAL, "Cannot read routing index " + key + ": " + e.getMessage(), e);
        }
    }

    public void record(LogFormat format, String name, Set<LocalDate> days) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode array = node.putArray("days");
        new TreeSet<>(days).forEach(d -> array.add(d.toString()));
        try {
            store.write(key(format, name), JSON.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise routing index", e);
        }
    }
}
