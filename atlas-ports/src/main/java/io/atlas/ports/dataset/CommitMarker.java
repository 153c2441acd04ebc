package io.atlas.ports.dataset;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.NoSuchObjectException;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The commit marker of a partition, {@code <partition>/_atlas_commit.json}: the run that published it and the exact
 * data files that make it up. Every engine publishes partitions the same way (see {@link #publish}); readers take only
 * the files a marker names, so files of an unfinished or crashed run are invisible until the next commit deletes them.
 * The leading underscore makes Spark, Hive and Athena skip the marker.
 */
public record CommitMarker(RunId runId, List<String> files, long rows) {
    public static final String NAME = "_atlas_commit.json";
    private static final JsonFactory JSON = new JsonFactory();

    public CommitMarker {
        requireNonNull(runId, "runId is null");
        files = List.copyOf(files);
        for (String file : files) {
            if (file.isEmpty() || file.contains("/") || file.startsWith("_") || file.startsWith(".")) {
                throw new IllegalArgumentException("Invalid data file name in a commit: '" + file + "'");
            }
        }
    }

    /** The name of a run's {@code index}-th data file in a partition: {@code part-NNNNN-<run_id>.parquet}. */
    public static String dataFileName(int index, RunId runId) {
        return String.format("part-%05d-%s.parquet", index, runId.value());
    }

    public static ObjectKey key(String partitionLocation) {
        return ObjectKey.of(partitionLocation + NAME);
    }

    /** The data files as keys. */
    public List<ObjectKey> fileKeys(String partitionLocation) {
        return files.stream().map(f -> ObjectKey.of(partitionLocation + f)).toList();
    }

    /** The marker of a partition, empty when the partition was never committed. */
    public static Optional<CommitMarker> read(ObjectStore store, String partitionLocation) {
        byte[] bytes;
        try {
            bytes = store.readAllBytes(key(partitionLocation));
        } catch (NoSuchObjectException e) {
            return Optional.empty();
        }
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
            return Optional.of(new CommitMarker(RunId.of(runId), files, rows));
        } catch (IOException | IllegalArgumentException e) {
            throw new StorageException(ErrorCategory.INTERNAL, "Cannot read commit marker " + key(partitionLocation)
                    + ": " + e.getMessage(), e);
        }
    }

    /** The partition a marker describes. */
    public PartitionInfo info(List<String> values, String partitionLocation) {
        return new PartitionInfo(values, partitionLocation, runId, fileKeys(partitionLocation), rows);
    }

    /** Every committed partition of a dataset: the markers below its location, in ascending order of their values. */
    public static List<PartitionInfo> committedPartitions(ObjectStore store, Dataset<?> dataset) {
        List<PartitionInfo> partitions = new ArrayList<>();
        for (ObjectInfo object : store.list(dataset.table().location())) {
            String key = object.key().value();
            if (key.endsWith("/" + NAME)) {
                Optional<List<String>> values = dataset.table().partitionValuesOf(key);
                if (values.isPresent()) {
                    String location = dataset.location(values.get());
                    read(store, location).ifPresent(marker -> partitions.add(marker.info(values.get(), location)));
                }
            }
        }
        partitions.sort(java.util.Comparator.comparing(info -> String.join("/", info.values())));
        return partitions;
    }

    /** Writes this marker: the moment the partition's new content becomes visible. */
    public void write(ObjectStore store, String partitionLocation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("run_id", runId.value());
            json.writeArrayFieldStart("files");
            for (String file : files) {
                json.writeString(file);
            }
            json.writeEndArray();
            json.writeNumberField("rows", rows);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise a commit marker", e);
        }
        store.write(key(partitionLocation), out.toByteArray());
    }

    /**
     * Completes a partition's commit once its data files are in place: writes this marker, then deletes the
     * partition's other direct files (earlier runs, leftovers of crashed runs).
     */
    public void publish(ObjectStore store, String partitionLocation) {
        write(store, partitionLocation);
        Set<String> committed = Set.copyOf(files);
        for (ObjectInfo object : store.list(partitionLocation)) {
            String name = object.key().value().substring(partitionLocation.length());
            if (!name.contains("/") && !name.equals(NAME) && !committed.contains(name)) {
                store.delete(object.key());
            }
        }
    }
}
