package io.atlas.ports.inprocess;

import io.atlas.domain.aggregate.ConcurrentLogIdSet;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.aggregate.DistinctEvents;
import io.atlas.domain.aggregate.IpShare;
import io.atlas.domain.lake.LogType;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.dataset.EventScan;
import io.atlas.ports.engine.EngineException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The columnar aggregate of one day within a memory budget: the day's files scanned by {@code threads} workers
 * (each pulling files from one queue and keeping one {@link DistinctEvents}, so memory grows with the threads, not
 * the files), in as many passes over a share of the {@code log_id}s as keep the id sets within half the budget: the
 * first pass reads every file once and sets the other passes' rows aside on disk, so each later pass reads only its
 * own rows. The other half of the budget is for the addresses of {@code unique_ips} (never less than
 * {@link #MIN_IP_BYTES_PER_WORKER} a worker), all counted in the first pass by {@link IpShare}; when they outgrow
 * their part, the addresses alone are counted again in ranges of shares, as many as the first pass's overflow says
 * they need, each range cut again until it fits.
 */
final class ColumnarAggregate {
    /** One file of a day's logs partition and its log type. */
    record Part(LogType logType, EventScan.Source source) {}

    /** The least heap one worker's addresses get, whatever the budget: a few thousand odd strings. */
    static final long MIN_IP_BYTES_PER_WORKER = 256 * 1024;

    private final int threads;
    private final long memoryBytes;
    private final long minIpBytesPerWorker;
    private @org.jspecify.annotations.Nullable ExecutorService pool;

    ColumnarAggregate(int threads, long memoryBytes) {
        this(threads, memoryBytes, MIN_IP_BYTES_PER_WORKER);
    }

    /** @param minIpBytesPerWorker the floor of one worker's share of the address budget */
    ColumnarAggregate(int threads, long memoryBytes, long minIpBytesPerWorker) {
        this.threads = threads;
        this.memoryBytes = memoryBytes;
        this.minIpBytesPerWorker = minIpBytesPerWorker;
    }

    /** The day's row over {@code parts}, which hold {@code rows} processed rows. */
    DailyActivity aggregate(List<Part> parts, long rows, LocalDate date, long rejectedRecords) {
        if (threads > 1 && parts.size() > 1) {
            pool = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "atlas-aggregate");
                thread.setDaemon(true);
                return thread;
            });
        }
        try {
            return aggregateOnPool(parts, rows, date, rejectedRecords);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private DailyActivity aggregateOnPool(List<Part> parts, long rows, LocalDate date, long rejectedRecords) {
        long idBytes = memoryBytes / 2;
        long ipBytesPerWorker = Math.max(minIpBytesPerWorker, (memoryBytes - idBytes) / threads);
        int passes = DistinctEvents.aggregatePasses(rows, idBytes);
        DistinctEvents day = passes == 1 ? onePass(parts, rows, ipBytesPerWorker)
                : spilledPasses(parts, rows, passes, ipBytesPerWorker);
        if (!day.ipsOverflowed()) {
            return day.result(date, rejectedRecords);
        }
        return day.result(date, rejectedRecords, countIps(parts, date, day.ipPartsToFit(), ipBytesPerWorker));
    }

    /** Every id and address in memory at once: one read of every file. */
    private DistinctEvents onePass(List<Part> parts, long rows, long ipBytesPerWorker) {
        ConcurrentLogIdSet ids = ConcurrentLogIdSet.sized(rows, 1, 0);
        List<DistinctEvents> workers = scan(parts, () -> new DistinctEvents(ids, 1, 0, ipBytesPerWorker),
                (events, part) -> part.source().scan(new EventScan.Visitor() {
                    @Override
                    public void event(byte[] id, int offset, int status, String device, String type, String app) {
                        events.add(part.logType(), id, offset, status, device, type, app);
                    }

                    @Override
                    public void address(byte[] ip, int offset, int length) {
                        events.addAddress(ip, offset, length);
                    }
                }));
        return merged(workers);
    }

    /**
     * The ids in {@code passes} shares, reading every file once: the first pass keeps the rows of its share and
     * counts every row's address (when they outgrow their budget, {@link #countIps} counts them again), and counts
     * each other row ahead and sets it aside in a temporary file of its pass ({@link RowSpill}); each later pass
     * reads only its files, checks their ids and takes back the repeats. Time grows with the rows, not with rows
     * times passes.
     */
    private DistinctEvents spilledPasses(List<Part> parts, long rows, int passes, long ipBytesPerWorker) {
        Path directory;
        try {
            directory = Files.createTempDirectory("atlas-aggregate-");
        } catch (IOException e) {
            throw new EngineException(ErrorCategory.TRANSIENT, "Cannot create a temporary folder for the aggregate's "
                    + passes + " passes: " + e.getMessage(), e);
        }
        List<RowSpill> spills = new ArrayList<>();
        try {
            DistinctEvents day = firstOfPasses(parts, rows, passes, ipBytesPerWorker, directory, spills);
            for (int pass = 1; pass < passes; pass++) {
                day.merge(laterPass(spills, rows, passes, pass));
            }
            return day;
        } finally {
            spills.forEach(RowSpill::close);
            try (Stream<Path> left = Files.list(directory)) {
                left.forEach(ColumnarAggregate::delete);
            } catch (IOException e) {
                // nothing was left, or the folder is gone: the temporary folder is the system's to clean
            }
            delete(directory);
        }
    }

    /**
     * The first of several passes, merged, its id set released (each pass's set is made and let go in a method of its
     * own, so no frame holds one pass's set while the next is filled: two at once would take twice the ids' budget).
     */
    private DistinctEvents firstOfPasses(List<Part> parts, long rows, int passes, long ipBytesPerWorker, Path directory,
            List<RowSpill> spills) {
        ConcurrentLogIdSet ids = ConcurrentLogIdSet.sized(rows, passes, 0);
        AtomicInteger workerNumber = new AtomicInteger();
        List<FirstPass> first = scan(parts, () -> {
            RowSpill spill = new RowSpill(directory, workerNumber.getAndIncrement(), passes);
            synchronized (spills) {
                spills.add(spill);
            }
            return new FirstPass(new DistinctEvents(ids, passes, 0, new IpShare(1, 0, ipBytesPerWorker)), spill);
        }, (worker, part) -> part.source().scan(worker.visitor(part.logType(), passes)));
        spills.forEach(RowSpill::close);
        DistinctEvents day = merged(first.stream().map(FirstPass::events).toList());
        first.forEach(worker -> worker.events().releaseIds());
        return day;
    }

    /** Pass {@code pass} over the rows the first pass set aside for it, merged, its id set released. */
    private DistinctEvents laterPass(List<RowSpill> spills, long rows, int passes, int pass) {
        List<Path> files = spills.stream().flatMap(spill -> spill.files(pass).stream()).toList();
        ConcurrentLogIdSet ids = ConcurrentLogIdSet.sized(rows, passes, pass);
        List<DistinctEvents> workers = scan(files, () -> DistinctEvents.checkingRowsCountedAhead(ids, passes, pass), (events, file) -> {
            RowSpill.read(file, events);
            delete(file);
        });
        DistinctEvents merged = merged(workers);
        workers.forEach(DistinctEvents::releaseIds);
        return merged;
    }

    /** A worker of the first of several passes: its scanner and its rows set aside for the later passes. */
    private record FirstPass(DistinctEvents events, RowSpill spill) {
        EventScan.Visitor visitor(LogType logType, int passes) {
            return new EventScan.Visitor() {
                @Override
                public void event(byte[] id, int offset, int status, String device, String type, String app) {
                    int pass = DistinctEvents.passOf(ConcurrentLogIdSet.word(id, offset), passes);
                    if (pass == 0) {
                        events.add(logType, id, offset, status, device, type, app);
                    } else {
                        events.countAhead(logType, status, device, type, app);
                        spill.write(pass, logType, id, offset, status, device, type, app);
                    }
                }

                @Override
                public void address(byte[] ip, int offset, int length) {
                    events.addAddress(ip, offset, length);
                }
            };
        }
    }

    private static DistinctEvents merged(List<DistinctEvents> workers) {
        DistinctEvents result = workers.get(0);
        workers.subList(1, workers.size()).forEach(result::merge);
        return result;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file the system cleans up
        }
    }

    /**
     * The day's distinct addresses counted alone: the {@link IpShare#MAX_SHARES} shares cut into {@code ranges} ranges
     * of consecutive shares, each counted in one read of every file; a range that outgrows its budget is cut again,
     * into as many parts as it {@link IpShare#partsToFit asks for}, and each read again. The reads follow the
     * addresses' size, not the number of id passes.
     */
    private long countIps(List<Part> parts, LocalDate date, int ranges, long budgetPerWorker) {
        java.util.Deque<int[]> todo = new java.util.ArrayDeque<>();
        cut(todo, 0, IpShare.MAX_SHARES, ranges);
        long total = 0;
        while (!todo.isEmpty()) {
            int[] range = todo.poll();
            IpShare counted = countIpsIn(parts, range[0], range[1], budgetPerWorker);
            if (!counted.overflowed()) {
                total += counted.count();
            } else if (range[1] - range[0] == 1) {
                throw new EngineException(ErrorCategory.INTERNAL, "Cannot count unique_ips of " + date + ": one "
                        + IpShare.MAX_SHARES + "th of the day's addresses outgrows " + budgetPerWorker
                        + " bytes; raise the heap or lower atlas.threads");
            } else {
                cut(todo, range[0], range[1], counted.partsToFit());
            }
        }
        return total;
    }

    /** Puts the ranges of {@code parts} (a power of two) equal parts of shares {@code from} to {@code to} first. */
    private static void cut(java.util.Deque<int[]> todo, int from, int to, int parts) {
        int width = Math.max(1, (to - from) / parts);
        for (int start = to - width; start >= from; start -= width) {
            todo.addFirst(new int[] {start, start + width});
        }
    }

    /** The distinct addresses of shares {@code from} to {@code to - 1}, over every file, merged over the workers. */
    private IpShare countIpsIn(List<Part> parts, int from, int to, long budgetPerWorker) {
        List<IpShare> workers = scan(parts, () -> new IpShare(IpShare.MAX_SHARES, from, to, budgetPerWorker),
                (ips, part) -> part.source().scan(new EventScan.Visitor() {
                    @Override
                    public void event(byte[] id, int offset, int status, String device, String type, String app) {}

                    @Override
                    public void address(byte[] ip, int offset, int length) {
                        ips.add(ip, offset, length);
                    }
                }));
        IpShare merged = workers.get(0);
        workers.subList(1, workers.size()).forEach(merged::merge);
        return merged;
    }

    /** Scans every part once, on up to {@code threads} workers; returns the workers' states (at least one). */
    private <P, W> List<W> scan(List<P> parts, Supplier<W> newWorker, BiConsumer<W, P> scanPart) {
        List<W> done = new ArrayList<>();
        ExecutorService workers = pool;
        if (workers == null) {
            W worker = newWorker.get();
            parts.forEach(part -> scanPart.accept(worker, part));
            done.add(worker);
            return done;
        }
        ConcurrentLinkedQueue<P> queue = new ConcurrentLinkedQueue<>(parts);
        List<Future<W>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(workers.submit(() -> {
                W worker = newWorker.get();
                for (P part = queue.poll(); part != null; part = queue.poll()) {
                    scanPart.accept(worker, part);
                }
                return worker;
            }));
        }
        for (Future<W> result : results) {
            done.add(InProcessEngine.await(result));
        }
        return done;
    }
}
