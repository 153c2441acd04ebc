package io.atlas.ports.commit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.storage.NoSuchObjectException;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lake's partition commit protocol, the one place that reads or writes a commit marker
 * ({@code <partition>/_atlas_commit.json}). Every engine and every reader goes through it:
 * <ol>
 *   <li>the run's data files are placed in the partition as {@code part-NNNNN-<run_id>.parquet}, invisible to
 *       readers, which go by the marker only;
 *   <li>the marker naming exactly those files is written (one atomic object write): the moment the partition's new
 *       content becomes visible;
 *   <li>the partition's other direct files (earlier runs, leftovers of crashed runs) are deleted.
 * </ol>
 * A failure before the marker is written removes the files this commit placed, so readers that glob the directory
 * (Spark, DuckDB, Athena) never see them beside the previous commit. A day's normalize outputs are published in
 * {@link #normalizeOutputs} order. The leading underscore makes Spark, Hive and Athena skip the marker.
 */
public final class PartitionCommit {
    /** The marker's file name in its partition. */
    public static final String MARKER_NAME = "_atlas_commit.json";
    private static final JsonFactory JSON = new JsonFactory();

    private PartitionCommit() {}

    /** Places one data file of a commit at {@code target}; its content is the caller's. */
    @FunctionalInterface
    public interface Placement {
        void place(int index, ObjectKey target) throws IOException;
    }

    /**
     * The partitions a normalize of {@code processDate} replaces, in the order every engine publishes them:
     * rejects, then error logs, then access logs last.
     */
    public static List<DayPartition> normalizeOutputs(LocalDate processDate) {
        return List.of(new DayPartition(Dataset.REJECTS, Dataset.rejectsPartition(processDate)),
                logs(LogType.ERROR, processDate), logs(LogType.ACCESS, processDate));
    }

    /** The partition an aggregate of {@code processDate} replaces. */
    public static DayPartition aggregateOutput(LocalDate processDate) {
        return new DayPartition(Dataset.DAILY_ACTIVITY, Dataset.dailyActivityPartition(processDate));
    }

    /** Every partition a run of {@code processDate} replaces, in publish order. */
    public static List<DayPartition> runOutputs(LocalDate processDate) {
        List<DayPartition> all = new ArrayList<>(normalizeOutputs(processDate));
        all.add(aggregateOutput(processDate));
        return List.copyOf(all);
    }

    /** A day's partition of {@code processed/logs} for one log type. */
    public static DayPartition logs(LogType logType, LocalDate day) {
        return new DayPartition(Dataset.LOGS, Dataset.logsPartition(logType, day));
    }

    /** The name of a run's {@code index}-th data file in a partition: {@code part-NNNNN-<run_id>.parquet}. */
    public static String dataFileName(int index, RunId runId) {
        return String.format("part-%05d-%s.parquet", index, runId.value());
    }

    /** The marker's key for the partition at {@code partitionLocation}. */
    public static ObjectKey markerKey(String partitionLocation) {
        return ObjectKey.of(partitionLocation + MARKER_NAME);
    }

    /**
     * Commits {@code fileCount} data files as the partition's whole content: places each with {@code placement},
     * writes the marker, then deletes the partition's other direct files. When placing or the marker write fails,
     * the files placed so far are removed (best effort) and the previous commit stays in place.
     *
     * @throws StorageException when a file cannot be placed or the marker cannot be written
     */
    public static PartitionInfo commit(ObjectStore store, DayPartition partition, RunId runId, int fileCount, long rows,
            Placement placement) {
        String location = partition.location();
        List<String> names = new ArrayList<>();
        CommitMarker marker;
        try {
            for (int i = 0; i < fileCount; i++) {
                String name = dataFileName(i, runId);
                names.add(name);
                placement.place(i, ObjectKey.of(location + name));
            }
            marker = new CommitMarker(runId, names, rows);
            write(store, location, marker);
        } catch (IOException | UncheckedIOException | StorageException e) {
            removeQuietly(store, location, names);
            if (e instanceof StorageException storage) {
                throw storage;
            }
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot commit " + partition.dataset() + " "
                    + partition.values() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            removeQuietly(store, location, names);
            throw e;
        }
        // Committed: a failure from here on leaves stale files that readers ignore and the next commit deletes.
        deleteOthers(store, location, Set.copyOf(names));
        return marker.info(partition.values(), location);
    }

    /** The committed partition, empty when it was never committed. */
    public static Optional<PartitionInfo> committed(ObjectStore store, Dataset<?> dataset, List<String> values) {
        String location = dataset.location(values);
        return read(store, location).map(marker -> marker.info(values, location));
    }

    /** Every committed partition of a dataset, in ascending order of their values. */
    public static List<PartitionInfo> committedPartitions(ObjectStore store, Dataset<?> dataset) {
        List<PartitionInfo> partitions = new ArrayList<>();
        for (ObjectInfo object : store.list(dataset.table().location())) {
            String key = object.key().value();
            if (key.endsWith("/" + MARKER_NAME)) {
                Optional<List<String>> values = dataset.table().partitionValuesOf(key);
                if (values.isPresent()) {
                    String location = dataset.location(values.get());
                    read(store, location).ifPresent(marker -> partitions.add(marker.info(values.get(), location)));
                }
            }
        }
        partitions.sort(Comparator.comparing(info -> String.join("/", info.values())));
        return partitions;
    }

    /** Data files directly in the partition that its marker does not name (what a crashed run left behind). */
    public static List<ObjectKey> uncommittedFiles(ObjectStore store, DayPartition partition) {
        String location = partition.location();
        Set<String> committed = read(store, location).map(marker -> Set.copyOf(marker.files())).orElse(Set.of());
        List<ObjectKey> stray = new ArrayList<>();
        for (ObjectInfo object : store.list(location)) {
            String name = object.key().value().substring(location.length());
            if (!name.contains("/") && name.endsWith(".parquet") && !committed.contains(name)) {
                stray.add(object.key());
            }
        }
        return stray;
    }

    /** The marker of a partition, empty when the partition was never committed. */
    static Optional<CommitMarker> read(ObjectStore store, String partitionLocation) {
        byte[] bytes;
        try {
            bytes = store.readAllBytes(markerKey(partitionLocation));
        } catch (NoSuchObjectException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(bytes));
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException(ErrorCategory.INTERNAL, "Cannot read commit marker " + markerKey(partitionLocation)
                    + ": " + e.getMessage(), e);
        }
    }

    private static CommitMarker parse(byte[] bytes) throws IOException {
        try (JsonParser parser = JSON.createParser(bytes)) {
            String runId = null;
            List<String> files = new ArrayList<>();
            long rows = 0;
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "run_id" -> runId = parser.getText();
                    case "rows" -> rows = parser.getLongValue();
                    case "files" -> {
                        while (parser.nextToken() == JsonToken.VALUE_STRING) {
                            files.add(parser.getText());
                        }
                    }
                    default -> {
                        if (value.isStructStart()) {
                            parser.skipChildren();
                        }
                    }
                }
            }
            if (runId == null) {
                throw new IOException("no run_id");
            }
            return new CommitMarker(RunId.of(runId), files, rows);
        }
    }

    private static void write(ObjectStore store, String partitionLocation, CommitMarker marker) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("run_id", marker.runId().value());
            json.writeArrayFieldStart("files");
            for (String file : marker.files()) {
                json.writeString(file);
            }
            json.writeEndArray();
            json.writeNumberField("rows", marker.rows());
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise a commit marker", e);
        }
        store.write(markerKey(partitionLocation), out.toByteArray());
    }

    private static void deleteOthers(ObjectStore store, String location, Set<String> committed) {
        for (ObjectInfo object : store.list(location)) {
            String name = object.key().value().substring(location.length());
            if (!name.contains("/") && !name.equals(MARKER_NAME) && !committed.contains(name)) {
                store.delete(object.key());
            }
        }
    }

    private static void removeQuietly(ObjectStore store, String location, List<String> names) {
        for (String name : names) {
            try {
                store.delete(ObjectKey.of(location + name));
            } catch (RuntimeException e) {
                // the next commit of this partition deletes what could not be removed now
            }
        }
    }
}
