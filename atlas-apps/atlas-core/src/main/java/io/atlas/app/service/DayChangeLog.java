package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The days whose input changed since their last successful run. Ingestion drops one small marker per (file, day)
 * under {@code _atlas/pending/<day>/}; a run of the day snapshots the markers present when it starts and deletes
 * exactly those when it succeeds, so a file that lands while the day runs leaves it pending. Markers are separate
 * objects, never a shared document, so concurrent ingestions cannot lose each other's changes.
 */
public final class DayChangeLog {
    static final String ROOT = LakeLayout.ATLAS_STATE + "pending/";

    private final ObjectStore store;

    public DayChangeLog(ObjectStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** Marks {@code days} as changed by the ingestion of {@code source} in run {@code runId}. */
    public void markChanged(Set<LocalDate> days, String runId, ObjectKey source) {
        String name = runId + "-" + shortHash(source.value());
        for (LocalDate day : days) {
            store.write(ObjectKey.of(ROOT + day + "/" + name), source.value().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every day with at least one marker, oldest first. */
    public SortedSet<LocalDate> pendingDays() {
        return new TreeSet<>(markersByDay().keySet());
    }

    /**
     * The markers of every day with at least one, oldest day first, from one listing: {@link #pendingDays()} and each
     * of those days' {@link #snapshot(LocalDate)} at once.
     */
    public SortedMap<LocalDate, List<ObjectKey>> markersByDay() {
        SortedMap<LocalDate, List<ObjectKey>> days = new TreeMap<>();
        for (ObjectInfo marker : store.list(ROOT)) {
            String rest = marker.key().value().substring(ROOT.length());
            int slash = rest.indexOf('/');
            if (slash > 0) {
                LocalDate day;
                try {
                    day = LocalDate.parse(rest.substring(0, slash));
                } catch (DateTimeParseException e) {
                    continue; // not a marker of ours
                }
                days.computeIfAbsent(day, d -> new ArrayList<>()).add(marker.key());
            }
        }
        days.replaceAll((day, markers) -> List.copyOf(markers));
        return days;
    }

    /** The markers of a day now: what a run that starts now will have covered. */
    public List<ObjectKey> snapshot(LocalDate day) {
        return store.list(ROOT + day + "/").stream().map(ObjectInfo::key).toList();
    }

    /** Clears the markers a successful run covered, in batches where the store can; later markers stay. */
    public void clear(List<ObjectKey> markers) {
        store.deleteAll(markers);
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
