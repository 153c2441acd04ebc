package io.atlas.ports.dataset;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import java.util.List;

/** A committed partition: where it is, the run that wrote it, its data files (none for in-memory stores) and row count. */
public record PartitionInfo(List<String> values, String location, RunId runId, List<ObjectKey> files, long rows) {
    public PartitionInfo {
        values = List.copyOf(requireNonNull(values, "values is null"));
        requireNonNull(location, "location is null");
        requireNonNull(runId, "runId is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
    }
}
