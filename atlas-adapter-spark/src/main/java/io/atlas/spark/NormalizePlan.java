package io.atlas.spark;

import io.atlas.domain.file.NdjsonRanges;
import io.atlas.domain.lake.LogFormat;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * How a day's validated files become normalize tasks, by bytes rather than by files: an uncompressed NDJSON file
 * larger than a split and a half is cut into line-aligned {@link NdjsonRanges} (the local engine's ranges, numbering
 * and reject ownership); whole files and ranges are then dealt to tasks, the costliest first, each to the least
 * loaded task (a piece weighs its {@link #weight cost} in NDJSON bytes plus an open cost, as Spark weighs files). A
 * gzip'd JSON array or an XML file cannot be cut and is one piece, however large.
 *
 * <p>The split is {@code targetSplitBytes}, lowered so that the day makes at least {@code parallelism} tasks and a
 * multiple of it (no lone last wave of tasks on a few cores).
 */
final class NormalizePlan {
    /** One piece of a task: a whole file ({@code range < 0}) or the range {@code [start, end)} of an NDJSON file. */
    record Item(String format, String key, int range, long start, long end) implements Serializable {
        boolean whole() {
            return range < 0;
        }

        long bytes() {
            return end - start;
        }

        LogFormat logFormat() {
            return LogFormat.fromFolder(format).orElseThrow();
        }
    }

    private NormalizePlan() {}

    /** The tasks, each a list of items; every byte of every file is in exactly one item. */
    static List<List<Item>> tasks(ObjectStore store, List<LogFormat> formats, List<ObjectInfo> files, long targetSplitBytes,
            int parallelism) {
        long openCost = openCost(targetSplitBytes);
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            total += weight(formats.get(i), files.get(i).size()) + openCost;
        }
        long count = taskCount(total, targetSplitBytes, parallelism);
        long split = Math.max(1, (total + count - 1) / count);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ObjectInfo file = files.get(i);
            LogFormat format = formats.get(i);
            if (format == LogFormat.NDJSON && file.size() > split + split / 2) {
                int parts = (int) Math.min(Integer.MAX_VALUE, (file.size() + split - 1) / split);
                List<NdjsonRanges.Range> ranges = ranges(store, file, parts);
                for (int r = 0; r < ranges.size(); r++) {
                    items.add(new Item(format.folder(), file.key().value(), r, ranges.get(r).start(), ranges.get(r).end()));
                }
            } else {
                items.add(new Item(format.folder(), file.key().value(), -1, 0, file.size()));
            }
        }
        items.sort(Comparator.comparingLong((Item item) -> weight(item.logFormat(), item.bytes())).reversed()
                .thenComparing(Item::key).thenComparingInt(Item::range));
        // Costliest first, each to the least loaded task (no more tasks than pieces).
        List<List<Item>> tasks = new ArrayList<>();
        PriorityQueue<long[]> loads = new PriorityQueue<>(Comparator.<long[]>comparingLong(load -> load[0])
                .thenComparingLong(load -> load[1]));
        for (int t = 0; t < Math.min(items.size(), count); t++) {
            tasks.add(new ArrayList<>());
            loads.add(new long[] {0, t});
        }
        for (Item item : items) {
            long[] least = loads.poll();
            tasks.get((int) least[1]).add(item);
            least[0] += weight(item.logFormat(), item.bytes()) + openCost;
            loads.add(least);
        }
        tasks.removeIf(List::isEmpty);
        return tasks;
    }

    /**
     * What a piece of a file costs to normalize, in NDJSON bytes: measured on Spark's tasks (a 105 MB NDJSON file in
     * 10.8 s beside a 32 MB XML file in 8.8 s), an XML byte costs about three; a gzip'd byte inflates to about ten to
     * twelve of JSON (the generated logs: 4.9 MB to 58.7 MB), which then parse at about the NDJSON rate (argued).
     */
    static long weight(LogFormat format, long bytes) {
        return switch (format) {
            case NDJSON -> bytes;
            case XML_ERRORS -> bytes * 3;
            case JSON_GZIP -> bytes * 10;
        };
    }

    /** What opening one more file costs a task, in bytes of reading: 4 MiB as in Spark, less for small splits. */
    static long openCost(long targetSplitBytes) {
        return Math.max(1, Math.min(4L * 1024 * 1024, targetSplitBytes / 32));
    }

    /** The tasks a day of {@code total} bytes makes: one per target split or more, a multiple of the cores. */
    static long taskCount(long total, long targetSplitBytes, int parallelism) {
        int cores = Math.max(1, parallelism);
        long tasks = Math.max(1, (total + targetSplitBytes - 1) / targetSplitBytes);
        return (tasks + cores - 1) / cores * cores;
    }

    private static List<NdjsonRanges.Range> ranges(ObjectStore store, ObjectInfo file, int parts) {
        try {
            return NdjsonRanges.split(file.size(), parts, offset -> store.open(file.key(), offset));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot cut " + file.key().value() + " into ranges: " + e.getMessage(), e);
        }
    }
}
