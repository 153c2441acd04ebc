package io.atlas.ports.inprocess;

import io.atlas.domain.aggregate.ConcurrentLogIdSet;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.aggregate.DistinctEvents;
import io.atlas.domain.aggregate.IpShare;
import io.atlas.domain.lake.LogType;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.dataset.EventScan;
import io.atlas.ports.engine.EngineException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The columnar aggregate of one day within a memory budget: the day's files scanned by {@code threads} workers
 * (each pulling files from one queue and keeping one {@link DistinctEvents}, so memory grows with the threads, not
 * the files), in as many passes over a share of the {@code log_id}s as keep the id sets within half the budget. The
 * other half is for the addresses of {@code unique_ips} (never less than {@link #MIN_IP_BYTES_PER_WORKER} a
 * worker), counted in the same passes by {@link IpShare}; when a share outgrows its part, the addresses alone are
 * counted again in twice as many shares until each fits.
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
        DistinctEvents day = new DistinctEvents();
        for (int pass = 0; pass < passes; pass++) {
            ConcurrentLogIdSet ids = new ConcurrentLogIdSet();
            int share = pass;
            List<DistinctEvents> workers = scan(parts, () -> new DistinctEvents(ids, passes, share, ipBytesPerWorker),
                    (events, part) -> part.source().scan((id, offset, status, ip, device, type, app) ->
                            events.add(part.logType(), id, offset, status, ip, device, type, app)));
            DistinctEvents passResult = workers.get(0);
            workers.subList(1, workers.size()).forEach(passResult::merge);
            day.merge(passResult);
        }
        if (!day.ipsOverflowed()) {
            return day.result(date, rejectedRecords);
        }
        return day.result(date, rejectedRecords, countIps(parts, date, passes * 2, ipBytesPerWorker));
    }

    /** The day's distinct addresses counted alone, in {@code shares} or more shares. */
    private long countIps(List<Part> parts, LocalDate date, int shares, long budgetPerWorker) {
        for (int n = Math.min(shares, IpShare.MAX_SHARES); ; n *= 2) {
            long total = countIpsInShares(parts, n, budgetPerWorker);
            if (total >= 0) {
                return total;
            }
            if (n >= IpShare.MAX_SHARES) {
                throw new EngineException(ErrorCategory.INTERNAL, "Cannot count unique_ips of " + date + ": one "
                        + IpShare.MAX_SHARES + "th of the day's addresses outgrows " + budgetPerWorker
                        + " bytes; raise the heap or lower atlas.threads");
            }
        }
    }

    /** The distinct addresses over {@code shares} shares, or -1 when a share outgrows its budget. */
    private long countIpsInShares(List<Part> parts, int shares, long budgetPerWorker) {
        long total = 0;
        for (int share = 0; share < shares; share++) {
            int s = share;
            List<IpShare> workers = scan(parts, () -> new IpShare(shares, s, budgetPerWorker),
                    (ips, part) -> part.source().scan((id, offset, status, ip, device, type, app) -> ips.add(ip)));
            IpShare merged = workers.get(0);
            workers.subList(1, workers.size()).forEach(merged::merge);
            if (merged.overflowed()) {
                return -1;
            }
            total += merged.count();
        }
        return total;
    }

    /** Scans every part once, on up to {@code threads} workers; returns the workers' states (at least one). */
    private <W> List<W> scan(List<Part> parts, Supplier<W> newWorker, BiConsumer<W, Part> scanPart) {
        List<W> done = new ArrayList<>();
        ExecutorService workers = pool;
        if (workers == null) {
            W worker = newWorker.get();
            parts.forEach(part -> scanPart.accept(worker, part));
            done.add(worker);
            return done;
        }
        ConcurrentLinkedQueue<Part> queue = new ConcurrentLinkedQueue<>(parts);
        List<Future<W>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(workers.submit(() -> {
                W worker = newWorker.get();
                for (Part part = queue.poll(); part != null; part = queue.poll()) {
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
