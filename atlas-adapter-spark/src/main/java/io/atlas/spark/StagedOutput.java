package io.atlas.spark;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.commit.DayPartition;
import io.atlas.ports.commit.PartitionCommit;
import io.atlas.ports.storage.LocalFiles;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where Spark writes a run's outputs before they are published ({@code _atlas/staging/spark/<run_id>/<name>/}), and
 * the publication itself: the Parquet files Spark wrote are committed into the partition through
 * {@link PartitionCommit}, exactly as the local engine does. Spark's own side files ({@code _SUCCESS}, checksums) are discarded.
 */
final class StagedOutput {
    private final ObjectStore store;
    private final RunId runId;

    StagedOutput(ObjectStore store, RunId runId) {
        this.store = requireNonNull(store, "store is null");
        this.runId = requireNonNull(runId, "runId is null");
    }

    String prefix() {
        return LakeLayout.ATLAS_STATE + "staging/spark/" + runId.value() + "/";
    }

    String location(String name) {
        return prefix() + name + "/";
    }

    /** Publishes what Spark wrote under {@code name} as {@code partition}, through the lake's commit protocol. */
    void publish(String name, DayPartition partition, long rows) {
        List<ObjectKey> written = new ArrayList<>();
        for (ObjectInfo staged : store.list(location(name))) {
            String fileName = staged.key().fileName();
            if (fileName.endsWith(".parquet") && !fileName.startsWith(".") && !fileName.startsWith("_")) {
                written.add(staged.key());
            }
        }
        publish(written, partition, rows);
    }

    /**
     * Publishes exactly the staged {@code files} as {@code partition}: the files the successful task attempts
     * reported, not whatever a failed or speculative attempt left beside them.
     */
    void publish(List<ObjectKey> files, DayPartition partition, long rows) {
        List<ObjectKey> written = List.copyOf(files);
        PartitionCommit.commit(store, partition, runId, written.size(), rows,
                (index, target) -> move(written.get(index), target));
    }

    private void move(ObjectKey from, ObjectKey to) {
        Optional<LocalFiles> local = store.localFiles();
        if (local.isPresent()) {
            Optional<Path> path = local.get().localPath(from);
            if (path.isPresent()) {
                local.get().moveIntoPlace(path.get(), to);
                return;
            }
        }
        store.copy(from, to);
        store.delete(from);
    }

    /** Removes whatever is left of the run's staging area. */
    void clean() {
        store.list(prefix()).forEach(object -> store.delete(object.key()));
    }
}
