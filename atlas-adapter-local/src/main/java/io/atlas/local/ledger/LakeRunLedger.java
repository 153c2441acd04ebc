package io.atlas.local.ledger;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.local.json.LakeJson;
import io.atlas.ports.ledger.RunKind;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.ledger.StepRecord;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import io.atlas.ports.ErrorCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The run ledger in the lake: one JSON document per run, {@code _atlas/runs/<run_id>.json}, replaced atomically. */
public final class LakeRunLedger implements RunLedger {
    static final String ROOT = LakeLayout.ATLAS_STATE + "runs/";

    private final ObjectStore store;

    public LakeRunLedger(ObjectStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    private static ObjectKey key(RunId runId) {
        return ObjectKey.of(ROOT + runId.value() + ".json");
    }

    @Override
    public void save(RunRecord run) {
        LakeJson.write(store, key(run.runId()), toJson(run));
    }

    @Override
    public Optional<RunRecord> find(RunId runId) {
        return LakeJson.read(store, key(runId)).map(node -> fromJson(key(runId), node));
    }

    @Override
    public List<RunRecord> list() {
        List<RunRecord> runs = new ArrayList<>();
        for (ObjectInfo object : store.list(ROOT)) {
            if (object.key().value().endsWith(".json")) {
                LakeJson.read(store, object.key()).map(node -> fromJson(object.key(), node)).ifPresent(runs::add);
            }
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt).thenComparing(r -> r.runId().value()));
        return runs;
    }

    static ObjectNode toJson(RunRecord run) {
        ObjectNode node = LakeJson.object();
        node.put("run_id", run.runId().value());
        node.put("kind", run.kind().wireName());
        node.put("process_date", run.processDate().map(LocalDate::toString).orElse(null));
        node.put("started_at", run.startedAt().toString());
        node.put("ended_at", run.endedAt().map(Instant::toString).orElse(null));
        node.put("state", run.state().name());
        ArrayNode steps = node.putArray("steps");
        for (StepRecord step : run.steps()) {
            ObjectNode entry = steps.addObject();
            entry.put("name", step.name().wireName());
            entry.put("state", step.state().name());
            entry.put("started_at", step.startedAt().map(Instant::toString).orElse(null));
            entry.put("ended_at", step.endedAt().map(Instant::toString).orElse(null));
            ObjectNode counts = entry.putObject("counts");
            step.counts().forEach(counts::put);
            entry.put("error", step.error().orElse(null));
        }
        return node;
    }

    /** @throws StorageException the record is not a run record, naming its key */
    static RunRecord fromJson(ObjectKey key, JsonNode node) {
        try {
            return fromJson(node);
        } catch (RuntimeException e) {
            throw new StorageException(ErrorCategory.INTERNAL, "Cannot read run ledger record " + key + ": " + e.getMessage()
                    + " (restore it, or delete it to forget that run)", e);
        }
    }

    static RunRecord fromJson(JsonNode node) {
        List<StepRecord> steps = new ArrayList<>();
        for (JsonNode entry : node.path("steps")) {
            TreeMap<String, Long> counts = new TreeMap<>();
            entry.path("counts").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            steps.add(new StepRecord(StepName.fromWire(LakeJson.text(entry, "name")), RunState.valueOf(LakeJson.text(entry, "state")),
                    instant(entry, "started_at"), instant(entry, "ended_at"), counts, optionalText(entry, "error")));
        }
        return new RunRecord(RunId.of(LakeJson.text(node, "run_id")), RunKind.fromWire(LakeJson.text(node, "kind")),
                optionalText(node, "process_date").map(LocalDate::parse), Instant.parse(LakeJson.text(node, "started_at")),
                instant(node, "ended_at"), RunState.valueOf(LakeJson.text(node, "state")), steps);
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static Optional<Instant> instant(JsonNode node, String field) {
        return optionalText(node, field).map(Instant::parse);
    }
}
