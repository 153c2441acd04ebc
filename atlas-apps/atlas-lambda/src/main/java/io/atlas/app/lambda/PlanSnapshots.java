package io.atlas.app.lambda;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The pending markers a state machine execution planned for a date, kept in the lake
 * ({@code _atlas/plans/<execution>/<date>}, one key a line) instead of in the execution's state, which Step Functions
 * caps at 256 KB: the plan step writes them, the success step reads them back, clears exactly those markers and then
 * the snapshot.
 */
final class PlanSnapshots {
    static final String ROOT = LakeLayout.ATLAS_STATE + "plans/";

    private final ObjectStore store;

    PlanSnapshots(ObjectStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    static String safe(String execution) {
        return execution.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    private static ObjectKey key(String execution, LocalDate date) {
        return ObjectKey.of(ROOT + safe(execution) + "/" + date);
    }

    void save(String execution, LocalDate date, List<ObjectKey> markers) {
        String lines = String.join("\n", markers.stream().map(ObjectKey::value).toList());
        store.write(key(execution, date), lines.getBytes(StandardCharsets.UTF_8));
    }

    /** The markers planned for {@code date}, or empty when that execution saved none for it. */
    Optional<List<ObjectKey>> read(String execution, LocalDate date) {
        ObjectKey key = key(execution, date);
        if (!store.exists(key)) {
            return Optional.empty();
        }
        String lines = new String(store.readAllBytes(key), StandardCharsets.UTF_8);
        return Optional.of(lines.isEmpty() ? List.of() : Arrays.stream(lines.split("\n")).map(ObjectKey::of).toList());
    }

    void delete(String execution, LocalDate date) {
        store.delete(key(execution, date));
    }
}
