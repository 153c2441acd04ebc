package io.atlas.domain.quality;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.aggregate.DailyActivity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a reprocessing changed between two runs of a day: input files added, removed or replaced (same name, other
 * content), every column of the {@code daily_activity} row that moved (map entries as {@code column[key]}), and the
 * rejects per reason that moved.
 */
public record DayDiff(List<FileChange> files, List<Delta> columns, List<Delta> rejects) {
    /** How an input file changed. */
    public enum FileChangeKind { ADDED, REMOVED, REPLACED }

    public record FileChange(String name, FileChangeKind kind) {
        public FileChange {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
        }

        @Override
        public String toString() {
            return name + " " + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A number that moved: {@code total_requests 50 -> 70 (+20)}. */
    public record Delta(String name, long before, long after) {
        public Delta {
            requireNonNull(name, "name is null");
        }

        public long change() {
            return after - before;
        }

        @Override
        public String toString() {
            return name + " " + before + " -> " + after + " (" + (change() > 0 ? "+" : "") + change() + ")";
        }
    }

    public DayDiff {
        files = List.copyOf(files);
        columns = List.copyOf(columns);
        rejects = List.copyOf(rejects);
    }

    public static DayDiff between(DaySnapshot before, DaySnapshot after) {
        List<FileChange> files = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.inputs().keySet());
        names.addAll(after.inputs().keySet());
        for (String name : names) {
            InputFile was = before.inputs().get(name);
            InputFile is = after.inputs().get(name);
            if (was == null) {
                files.add(new FileChange(name, FileChangeKind.ADDED));
            } else if (is == null) {
                files.add(new FileChange(name, FileChangeKind.REMOVED));
            } else if (!was.sha256().equals(is.sha256())) {
                files.add(new FileChange(name, FileChangeKind.REPLACED));
            }
        }
        List<Delta> columns = deltas(columns(before.activity()), columns(after.activity()));
        List<Delta> rejects = deltas(before.rejectsByReason(), after.rejectsByReason());
        return new DayDiff(files, columns, rejects);
    }

    /** Whether nothing changed: same files, same row, same rejects. */
    public boolean isEmpty() {
        return files.isEmpty() && columns.isEmpty() && rejects.isEmpty();
    }

    /**
     * One line: the headline column changes, then the file changes, e.g.
     * {@code total_requests 50 -> 70 (+20), unique_ips 50 -> 70 (+20) and 3 more: corrected/orders.ndjson replaced}.
     */
    public String summary() {
        if (isEmpty()) {
            return "no change";
        }
        String numbers;
        if (columns.isEmpty()) {
            numbers = rejects.isEmpty() ? "same numbers" : "rejects " + rejects.stream().map(Delta::toString).collect(Collectors.joining(", "));
        } else {
            numbers = columns.stream().limit(2).map(Delta::toString).collect(Collectors.joining(", "))
                    + (columns.size() > 2 ? " and " + (columns.size() - 2) + " more" : "");
        }
        String inputs = files.isEmpty() ? "same input files" : files.stream().map(FileChange::toString).collect(Collectors.joining(", "));
        return numbers + ": " + inputs;
    }

    /** The row's columns by name, scalars first in schema order, then map entries as {@code column[key]}. */
    static Map<String, Long> columns(DailyActivity row) {
        Map<String, Long> columns = new LinkedHashMap<>();
        columns.put("total_requests", row.totalRequests());
        columns.put("error_count", row.errorCount());
        columns.put("rejected_records", row.rejectedRecords());
        columns.put("client_error_count", row.clientErrorCount());
        columns.put("server_error_count", row.serverErrorCount());
        columns.put("unique_ips", row.uniqueIps());
        columns.put("duplicate_records", row.duplicateRecords());
        entries(columns, "requests_by_device", row.requestsByDevice());
        entries(columns, "requests_by_type", row.requestsByType());
        entries(columns, "requests_by_app", row.requestsByApp());
        entries(columns, "errors_by_code", row.errorsByCode());
        return columns;
    }

    private static void entries(Map<String, Long> columns, String column, SortedMap<String, Long> map) {
        map.forEach((key, value) -> columns.put(column + "[" + key + "]", value));
    }

    private static List<Delta> deltas(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> union = new LinkedHashMap<>();
        before.keySet().forEach(k -> union.put(k, 0L));
        after.keySet().forEach(k -> union.put(k, 0L));
        List<Delta> deltas = new ArrayList<>();
        for (String name : union.keySet()) {
            long was = before.getOrDefault(name, 0L);
            long is = after.getOrDefault(name, 0L);
            if (was != is) {
                deltas.add(new Delta(name, was, is));
            }
        }
        return deltas;
    }
}
