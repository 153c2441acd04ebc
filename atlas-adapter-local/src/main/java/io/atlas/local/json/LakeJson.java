package io.atlas.local.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.IOException;
import java.util.Optional;

/** Small JSON state files in the lake (markers, catalog, ledger), read and written whole and atomically. */
public final class LakeJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LakeJson() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static void write(ObjectStore store, ObjectKey key, JsonNode node) {
        try {
            store.write(key, MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + key, e);
        }
    }

    /** The JSON at {@code key}, or empty when it does not exist. */
    public static Optional<JsonNode> read(ObjectStore store, ObjectKey key) {
        try {
            return Optional.of(MAPPER.readTree(store.readAllBytes(key)));
        } catch (io.atlas.ports.storage.NoSuchObjectException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.INTERNAL, "Cannot read " + key + ": not valid JSON (" + e.getMessage() + ")", e);
        }
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value.asText();
    }
}
