package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.ports.dataset.CloseableIterator;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.PartitionInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/** Every committed row of a lake, sorted, so two lakes can be compared as multisets. */
public record LakeSnapshot(TreeMap<String, List<String>> tables) {

    public static LakeSnapshot of(Path lake) {
        return of(lake.toString(), new java.util.Properties());
    }

    /** A snapshot of any lake location, with settings (such as {@code atlas.s3.endpoint}). */
    public static LakeSnapshot of(String lake, java.util.Properties properties) {
        try (Atlas atlas = Atlas.builder().lake(lake).properties(properties).build()) {
            DatasetStore datasets = atlas.component(DatasetStore.class);
            TreeMap<String, List<String>> tables = new TreeMap<>();
            tables.put("logs", rows(datasets, Dataset.LOGS, LakeSnapshot::describe));
            tables.put("rejects", rows(datasets, Dataset.REJECTS, LakeSnapshot::describe));
            tables.put("daily_activity", rows(datasets, Dataset.DAILY_ACTIVITY, DailyActivity::toString));
            return new LakeSnapshot(tables);
        }
    }

    private static <R> List<String> rows(DatasetStore datasets, Dataset<R> dataset, java.util.function.Function<R, String> text) {
        List<String> rows = new ArrayList<>();
        for (PartitionInfo partition : datasets.partitions(dataset)) {
            try (CloseableIterator<R> it = datasets.read(dataset, partition.values())) {
                it.forEachRemaining(r -> rows.add(partition.values() + " " + text.apply(r)));
            }
        }
        rows.sort(Comparator.naturalOrder());
        return rows;
    }

    private static String describe(CanonicalRecord r) {
        return r.toString();
    }

    private static String describe(RejectRow r) {
        return r.toString();
    }
}
