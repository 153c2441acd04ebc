package io.atlas.app.quality;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.quality.DayDiff;
import io.atlas.domain.quality.DaySnapshot;
import io.atlas.domain.quality.Gate;
import io.atlas.domain.quality.GateOutcome;
import io.atlas.domain.quality.GateStatus;
import io.atlas.domain.quality.InputFile;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.NoSuchObjectException;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@link RunDetails} in the lake, one JSON document per run beside the run ledger:
 * {@code _atlas/run-details/<run_id>.json}. Written once, when the run succeeds; a run without one predates the
 * details or did not succeed.
 */
public final class RunDetailsStore {
    static final String ROOT = LakeLayout.ATLAS_STATE + "run-details/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectStore store;

    public RunDetailsStore(ObjectStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    private static ObjectKey key(String runId) {
        return ObjectKey.of(ROOT + runId + ".json");
    }

    public void save(RunDetails details) {
        try {
            store.write(key(details.runId()), JSON.writeValueAsBytes(toJson(details)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise the details of run " + details.runId(), e);
        }
    }

    public Optional<RunDetails> find(String runId) {
        byte[] bytes;
        try {
            bytes = store.readAllBytes(key(runId));
        } catch (NoSuchObjectException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(JSON.readTree(bytes)));
        } catch (IOException | RuntimeException e) {
            throw new StorageException(ErrorCategory.INTERNAL, "Cannot read the details of run " + runId + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode toJson(RunDetails details) {
        ObjectNode node = JSON.createObjectNode();
        node.put("run_id", details.runId());
        node.put("date", details.date().toString());
        ArrayNode inputs = node.putArray("inputs");
        for (InputFile file : details.snapshot().inputs().values()) {
            inputs.addObject().put("name", file.name()).put("sha256", file.sha256()).put("size", file.size());
        }
        node.set("daily_activity", activity(details.snapshot().activity()));
        counts(node.putObject("rejects_by_reason"), details.snapshot().rejectsByReason());
        ArrayNode gates = node.putArray("gates");
        for (GateOutcome gate : details.gates()) {
            gates.addObject().put("gate", gate.gate().key()).put("status", gate.status().name()).put("message", gate.message());
        }
        details.change().ifPresent(change -> {
            ObjectNode diff = node.putObject("change");
            diff.put("previous_run_id", change.previousRunId());
            diff.put("summary", change.diff().summary());
            ArrayNode files = diff.putArray("files");
            change.diff().files().forEach(f -> files.addObject().put("name", f.name()).put("change", f.kind().name()));
            deltas(diff.putArray("columns"), change.diff().columns());
            deltas(diff.putArray("rejects"), change.diff().rejects());
        });
        return node;
    }

    static RunDetails fromJson(JsonNode node) {
        List<InputFile> inputs = new ArrayList<>();
        node.path("inputs").forEach(f -> inputs.add(new InputFile(f.path("name").asText(), f.path("sha256").asText(), f.path("size").asLong())));
        DaySnapshot snapshot = DaySnapshot.of(inputs, activity(node.path("daily_activity")), counts(node.path("rejects_by_reason")));
        List<GateOutcome> gates = new ArrayList<>();
        node.path("gates").forEach(g -> gates.add(new GateOutcome(gate(g.path("gate").asText()),
                GateStatus.valueOf(g.path("status").asText()), g.path("message").asText())));
        Optional<RunDetails.Change> change = Optional.empty();
        JsonNode diff = node.get("change");
        if (diff != null && diff.isObject()) {
            List<DayDiff.FileChange> files = new ArrayList<>();
            diff.path("files").forEach(f -> files.add(new DayDiff.FileChange(f.path("name").asText(),
                    DayDiff.FileChangeKind.valueOf(f.path("change").asText()))));
            change = Optional.of(new RunDetails.Change(diff.path("previous_run_id").asText(),
                    new DayDiff(files, deltas(diff.path("columns")), deltas(diff.path("rejects")))));
        }
        return new RunDetails(node.path("run_id").asText(), LocalDate.parse(node.path("date").asText()), snapshot, gates, change);
    }

    private static Gate gate(String key) {
        for (Gate gate : Gate.values()) {
            if (gate.key().equals(key)) {
                return gate;
            }
        }
        throw new IllegalArgumentException("unknown gate '" + key + "'");
    }

    private static final List<Map.Entry<String, Function<DailyActivity, SortedMap<String, Long>>>> MAPS = List.of(
            Map.entry("requests_by_device", DailyActivity::requestsByDevice),
            Map.entry("requests_by_type", DailyActivity::requestsByType),
            Map.entry("requests_by_app", DailyActivity::requestsByApp),
            Map.entry("errors_by_code", DailyActivity::errorsByCode));

    /** The row as JSON, with the schema's column names. */
    public static ObjectNode activity(DailyActivity row) {
        ObjectNode node = JSON.createObjectNode();
        node.put("date", row.date().toString());
        node.put("total_requests", row.totalRequests());
        node.put("error_count", row.errorCount());
        node.put("client_error_count", row.clientErrorCount());
        node.put("server_error_count", row.serverErrorCount());
        node.put("unique_ips", row.uniqueIps());
        MAPS.forEach(map -> counts(node.putObject(map.getKey()), map.getValue().apply(row)));
        node.put("duplicate_records", row.duplicateRecords());
        node.put("rejected_records", row.rejectedRecords());
        return node;
    }

    private static DailyActivity activity(JsonNode node) {
        return new DailyActivity(LocalDate.parse(node.path("date").asText()), node.path("total_requests").asLong(),
                node.path("error_count").asLong(), node.path("client_error_count").asLong(),
                node.path("server_error_count").asLong(), node.path("unique_ips").asLong(),
                counts(node.path("requests_by_device")), counts(node.path("requests_by_type")),
                counts(node.path("requests_by_app")), counts(node.path("errors_by_code")),
                node.path("duplicate_records").asLong(), node.path("rejected_records").asLong());
    }

    private static void counts(ObjectNode target, Map<String, Long> counts) {
        counts.forEach(target::put);
    }

    private static SortedMap<String, Long> counts(JsonNode node) {
        SortedMap<String, Long> counts = new TreeMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static void deltas(ArrayNode target, List<DayDiff.Delta> deltas) {
        deltas.forEach(d -> target.addObject().put("name", d.name()).put("before", d.before()).put("after", d.after()));
    }

    private static List<DayDiff.Delta> deltas(JsonNode node) {
        List<DayDiff.Delta> deltas = new ArrayList<>();
        node.forEach(d -> deltas.add(new DayDiff.Delta(d.path("name").asText(), d.path("before").asLong(), d.path("after").asLong())));
        return deltas;
    }
}
