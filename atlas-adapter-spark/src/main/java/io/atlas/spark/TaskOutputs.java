package io.atlas.spark;

import io.atlas.domain.lake.ObjectKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * What normalize's tasks sent back, sorted out on the driver: the pieces' counts (for {@link DayCounts}) and, per
 * output, the files written and their rows. A few rows per task: never the day's records.
 */
final class TaskOutputs {
    private final List<Row> counts;
    private final Map<String, List<ObjectKey>> files;
    private final Map<String, Long> rows;

    private TaskOutputs(List<Row> counts, Map<String, List<ObjectKey>> files, Map<String, Long> rows) {
        this.counts = counts;
        this.files = files;
        this.rows = rows;
    }

    static TaskOutputs of(List<Row> collected) {
        List<Row> counts = new ArrayList<>();
        Map<String, List<ObjectKey>> files = new TreeMap<>();
        Map<String, Long> rows = new TreeMap<>();
        for (Row row : collected) {
            if (SparkRows.FILE.equals(row.getString(0))) {
                String output = row.getString(row.fieldIndex("counts_format"));
                files.computeIfAbsent(output, o -> new ArrayList<>()).add(ObjectKey.of(row.getString(row.fieldIndex(SparkRows.ITEM_KEY))));
                rows.merge(output, row.getLong(row.fieldIndex("counts_read")), Long::sum);
            } else {
                counts.add(row);
            }
        }
        files.values().forEach(list -> list.sort(java.util.Comparator.comparing(ObjectKey::value)));
        return new TaskOutputs(counts, files, rows);
    }

    /** The rows of whole files' counts and of ranges. */
    List<Row> counts() {
        return counts;
    }

    /** The files written for {@code output}, in name order. */
    List<ObjectKey> files(String output) {
        return files.getOrDefault(output, List.of());
    }

    long rows(String output) {
        return rows.getOrDefault(output, 0L);
    }
}
