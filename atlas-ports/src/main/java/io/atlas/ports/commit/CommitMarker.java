package io.atlas.ports.commit;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.dataset.PartitionInfo;
import java.util.List;

/**
 * What a partition's commit marker says: the run that published it, the exact data files that make it up (names
 * within the partition) and their row count. Written, read and published only by {@link PartitionCommit}.
 */
public record CommitMarker(RunId runId, List<String> files, long rows) {

    public CommitMarker {
        requireNonNull(runId, "runId is null");
        files = List.copyOf(files);
        for (String file : files) {
            if (file.isEmpty() || file.contains("/") || file.startsWith("_") || file.startsWith(".")) {
                throw new IllegalArgumentException("Invalid data file name in a commit: '" + file + "'");
            }
        }
    }

    /** The data files as keys of the partition at {@code partitionLocation}. */
    public List<ObjectKey> fileKeys(String partitionLocation) {
        return files.stream().map(f -> ObjectKey.of(partitionLocation + f)).toList();
    }

    /** The partition this marker describes. */
    public PartitionInfo info(List<String> values, String partitionLocation) {
        return new PartitionInfo(values, partitionLocation, runId, fileKeys(partitionLocation), rows);
    }
}
