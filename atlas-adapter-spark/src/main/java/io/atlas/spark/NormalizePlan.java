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

/**
 * How a day's validated files become normalize tasks, by bytes rather than by files: an uncompressed NDJSON file
 * larger than a split and a half is cut into line-aligned {@link NdjsonRanges} (the local engine's ranges, numbering and reject
 * ownership), whole files and ranges are then packed into tasks of about one split (largest first, each file
 * weighing its bytes plus an open cost, as Spark packs files). A gzip'd JSON array or an XML file cannot be cut and is
 * one piece, however large. Items weigh their bytes whatever their format, though an XML byte costs about three
 * NDJSON bytes to parse: cutting a 105 MB NDJSON file beside a 32 MB XML file on two cores left the XML file alone
 * in a second wave (14.6 s against 10.9 s uncut), so files between one split and a split and a half stay whole.
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
        for (ObjectInfo file : files) {
            total += file.size() + openCost;
        }
        long split = splitBytes(total, targetSplitBytes, parallelism);
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
        items.sort(Comparator.comparingLong(Item::bytes).reversed().thenComparing(Item::key).thenComparingInt(Item::range));
        List<List<Item>> tasks = new ArrayList<>();
        List<Item> current = new ArrayList<>();
        long size = 0;
        for (Item item : items) {
            long weight = item.bytes() + openCost;
            if (!current.isEmpty() && size + weight > split) {
                tasks.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(item);
            size += weight;
        }
        if (!current.isEmpty()) {
            tasks.add(current);
        }
        return tasks;
    }

    /** What opening one more file costs a task, in bytes of reading: 4 MiB as in Spark, less for small splits. */
    static long openCost(long targetSplitBytes) {
        return Math.max(1, Math.min(4L * 1024 * 1024, targetSplitBytes / 32));
    }

    /** The bytes per task: at most the target, and small enough for a multiple of {@code parallelism} tasks. */
    static long splitBytes(long totalBytes, long targetSplitBytes, int parallelism) {
        int cores = Math.max(1, parallelism);
        long tasks = Math.max(1, (totalBytes + targetSplitBytes - 1) / targetSplitBytes);
        tasks = (tasks + cores - 1) / cores * cores;
        return Math.max(1, Math.min(targetSplitBytes, (totalBytes + tasks - 1) / tasks));
    }

    private static List<NdjsonRanges.Range> ranges(ObjectStore store, ObjectInfo file, int parts) {
        try {
            return NdjsonRanges.split(file.size(), parts, offset -> store.open(file.key(), offset));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot cut " + file.key().value() + " into ranges: " + e.getMessage(), e);
        }
    }
}
