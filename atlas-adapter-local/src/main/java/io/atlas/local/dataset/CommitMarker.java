package io.atlas.local.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.local.json.LakeJson;
import io.atlas.ports.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commit marker of a partition, {@code <partition>/_atlas_commit.json}: the run that published it and the
 * exact data files that make it up. Written last, atomically (one object write); readers take only the files it
 * names, so files of an unfinished or crashed run are invisible until cleaned up. The leading underscore makes
 * Spark, Hive and Athena skip it.
 */
record CommitMarker(RunId runId, List<String> files, long rows) {
    static final String NAME = "_atlas_commit.json";

    CommitMarker {
        files = List.copyOf(files);
    }

    static ObjectKey key(String partitionLocation) {
        return ObjectKey.of(partitionLocation + NAME);
    }

    static Optional<CommitMarker> read(ObjectStore store, String partitionLocation) {
        return LakeJson.read(store, key(partitionLocation)).map(CommitMarker::fromJson);
    }

    void write(ObjectStore store, String partitionLocation) {
        ObjectNode node = LakeJson.object();
        node.put("run_id", runId.value());
        ArrayNode names = node.putArray("files");
        files.forEach(names::add);
        node.put("rows", rows);
        LakeJson.write(store, key(partitionLocation), node);
    }

    private static CommitMarker fromJson(JsonNode node) {
        List<String> files = new ArrayList<>();
        node.path("files").forEach(f -> files.add(f.asText()));
        return new CommitMarker(RunId.of(LakeJson.text(node, "run_id")), files, node.path("rows").asLong());
    }
}
