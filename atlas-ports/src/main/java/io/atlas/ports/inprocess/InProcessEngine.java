package io.atlas.ports.inprocess;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.aggregate.DistinctEvents;
import io.atlas.domain.file.FileContentException;
import io.atlas.domain.file.NdjsonRanges;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.FileNormalizer;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.normalize.NormalizedSink;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.normalize.SplitFileNormalizer;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.run.RunContext;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.commit.DayPartition;
import io.atlas.ports.commit.PartitionCommit;
import io.atlas.ports.dataset.CloseableIterator;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.EventScan;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.dataset.PartitionWriter;
import io.atlas.ports.engine.Engine;
import io.atlas.ports.engine.EngineException;
import io.atlas.ports.engine.NormalizeResult;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The in-process engine: reads validated files through an {@link ObjectStore}, runs the domain's
 * {@link FileNormalizer} on each (files in parallel, one thread each, up to {@code threads}; a large NDJSON file in
 * ranges on several threads with {@link SplitFileNormalizer}), and streams rows to a
 * {@link DatasetStore}. Memory does not grow with the day's size during normalize; the columnar aggregate keeps its
 * distinct {@code log_id}s and addresses within a budget, in passes when they do not fit at once. With an in-memory store it is the in-memory engine; with the filesystem and Parquet stores it is
 * the local engine.
 */
public final class InProcessEngine implements Engine {
    /** The smallest range of one NDJSON file a thread reads alone by default; files of two ranges or more are split. */
    public static final long MIN_RANGE_BYTES = 16L * 1024 * 1024;

    private final ObjectStore store;
    private final DatasetStore datasets;
    private final NormalizationSettings settings;
    private final int threads;
    private final long minRangeBytes;
    private final long aggregateMemoryBytes;

    /** An engine with default ranges whose aggregate holds all of a day's ids at once (one pass). */
    public InProcessEngine(ObjectStore store, DatasetStore datasets, NormalizationSettings settings, int threads) {
        this(store, datasets, settings, threads, MIN_RANGE_BYTES, Long.MAX_VALUE);
    }

    /**
     * @param minRangeBytes the smallest part of an NDJSON file one thread reads alone (see {@link #MIN_RANGE_BYTES})
     * @param aggregateMemoryBytes the heap aggregate's distinct sets (ids and addresses) may take; a day with more is
     *     aggregated in several passes over its files, each over a share of them (see {@link ColumnarAggregate})
     */
    public InProcessEngine(ObjectStore store, DatasetStore datasets, NormalizationSettings settings, int threads,
            long minRangeBytes, long aggregateMemoryBytes) {
        this.store = requireNonNull(store, "store is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.settings = requireNonNull(settings, "settings is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        if (minRangeBytes < 1) {
            throw new IllegalArgumentException("minRangeBytes must be positive, got " + minRangeBytes);
        }
        this.minRangeBytes = minRangeBytes;
        if (aggregateMemoryBytes < 1) {
            throw new IllegalArgumentException("aggregateMemoryBytes must be positive, got " + aggregateMemoryBytes);
        }
        this.aggregateMemoryBytes = aggregateMemoryBytes;
    }

    @Override
    public NormalizeResult normalize(RunContext context, LocalDate processDate) {
        List<InputFile> files = inputFiles(processDate);
        try (PartitionWriter<CanonicalRecord> access = datasets.overwrite(Dataset.LOGS,
                        Dataset.logsPartition(LogType.ACCESS, processDate), context.runId());
                PartitionWriter<CanonicalRecord> errors = datasets.overwrite(Dataset.LOGS,
                        Dataset.logsPartition(LogType.ERROR, processDate), context.runId());
                PartitionWriter<RejectRow> rejects = datasets.overwrite(Dataset.REJECTS,
                        Dataset.rejectsPartition(processDate), context.runId())) {
            RoutingSink sink = new RoutingSink(access, errors, rejects);
            Map<LogFormat, FileCounts> byFormat = normalizeAll(files, processDate, sink);
            Map<DayPartition, PartitionWriter<?>> writers = Map.of(
                    PartitionCommit.logs(LogType.ACCESS, processDate), access,
                    PartitionCommit.logs(LogType.ERROR, processDate), errors,
                    new DayPartition(Dataset.REJECTS, Dataset.rejectsPartition(processDate)), rejects);
            for (DayPartition output : PartitionCommit.normalizeOutputs(processDate)) {
                writers.get(output).commit();
            }
            return new NormalizeResult(processDate, files.size(), byFormat, sink.rejectsByReason());
        }
    }

    private record InputFile(LogFormat format, ObjectKey key, long size) {}

    /** Every file below {@code validated/<format>/<D>/}; a missing format folder is an empty input. */
    private List<InputFile> inputFiles(LocalDate processDate) {
        List<InputFile> files = new ArrayList<>();
        for (LogFormat format : LogFormat.values()) {
            for (ObjectInfo object : store.list(LakeLayout.validatedDayPrefix(format, processDate))) {
                files.add(new InputFile(format, object.key(), object.size()));
            }
        }
        return files;
    }

    private Map<LogFormat, FileCounts> normalizeAll(List<InputFile> files, LocalDate processDate, RoutingSink sink) {
        Map<LogFormat, FileCounts> byFormat = new EnumMap<>(LogFormat.class);
        if (threads == 1 || (files.size() <= 1 && files.stream().noneMatch(this::isSplittable))) {
            for (InputFile file : files) {
                byFormat.merge(file.format(), normalizeOne(file, processDate, sink), FileCounts::plus);
            }
            return byFormat;
        }
        ExecutorService pool = newPool("atlas-normalize");
        try {
            // Whole files first, largest first, so ranges of split files fill the threads they leave idle.
            Map<InputFile, Supplier<FileCounts>> results = new java.util.HashMap<>();
            files.stream()
                    .sorted(Comparator.comparing(this::isSplittable).thenComparing(InputFile::size, Comparator.reverseOrder()))
                    .forEach(file -> results.put(file, isSplittable(file) ? submitRanges(pool, file, processDate, sink)
                            : submitted(pool.submit(() -> normalizeOne(file, processDate, sink)))));
            for (InputFile file : files) {
                byFormat.merge(file.format(), results.get(file).get(), FileCounts::plus);
            }
            return byFormat;
        } finally {
            pool.shutdownNow();
        }
    }

    /** An uncompressed NDJSON file large enough that reading it with several threads pays. */
    private boolean isSplittable(InputFile file) {
        return file.format() == LogFormat.NDJSON && file.size() >= 2 * minRangeBytes;
    }

    /**
     * Reads one large NDJSON file in ranges on the pool; the returned supplier waits for them and completes the
     * file (its rejects, numbered) on the calling thread.
     */
    private Supplier<FileCounts> submitRanges(ExecutorService pool, InputFile file, LocalDate processDate, RoutingSink sink) {
        NdjsonRanges.Opener content = offset -> store.open(file.key(), offset);
        List<NdjsonRanges.Range> ranges = guarded(file, () -> NdjsonRanges.split(file.size(),
                (int) Math.min(threads * 4L, file.size() / minRangeBytes), content));
        List<Future<SplitFileNormalizer.RangeResult>> parts = new ArrayList<>();
        for (NdjsonRanges.Range range : ranges) {
            parts.add(pool.submit(() -> guarded(file, () -> new SplitFileNormalizer(settings)
                    .normalizeRange(file.key().value(), range, content, processDate, sink))));
        }
        return () -> {
            List<SplitFileNormalizer.RangeResult> done = new ArrayList<>();
            for (Future<SplitFileNormalizer.RangeResult> part : parts) {
                done.add(await(part));
            }
            return guarded(file, () -> new SplitFileNormalizer(settings)
                    .finishRanges(file.key().value(), ranges, done, content, processDate, sink));
        };
    }

    private static Supplier<FileCounts> submitted(Future<FileCounts> result) {
        return () -> await(result);
    }

    static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(ErrorCategory.TRANSIENT, "Interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new EngineException(ErrorCategory.INTERNAL, "A worker failed: " + e.getCause(), e.getCause());
        }
    }

    private FileCounts normalizeOne(InputFile file, LocalDate processDate, NormalizedSink sink) {
        return guarded(file, () -> new FileNormalizer(settings)
                .normalize(file.format(), file.key().value(), () -> store.open(file.key()), processDate, sink));
    }

    /** A step that reads a file. */
    @FunctionalInterface
    private interface FileRead<T> {
        T run() throws IOException;
    }

    /** Runs {@code read}, turning its failures into engine errors that name the file. */
    private static <T> T guarded(InputFile file, FileRead<T> read) {
        try {
            return read.run();
        } catch (FileContentException e) {
            throw new EngineException(ErrorCategory.INTERNAL, "Cannot normalize " + file.key() + ": " + e.reason()
                    + " (" + e.detail() + "); ingestion should have rejected it", e);
        } catch (IOException | UncheckedIOException e) {
            throw new EngineException(ErrorCategory.TRANSIENT, "Cannot normalize " + file.key() + ": " + e.getMessage(), e);
        }
    }

    /** Sends each row to its partition and counts rejects by reason; safe for concurrent files. */
    private static final class RoutingSink implements NormalizedSink {
        private final PartitionWriter<CanonicalRecord> access;
        private final PartitionWriter<CanonicalRecord> errors;
        private final PartitionWriter<RejectRow> rejects;
        private final Map<RejectReason, AtomicLong> byReason = new EnumMap<>(RejectReason.class);

        RoutingSink(PartitionWriter<CanonicalRecord> access, PartitionWriter<CanonicalRecord> errors,
                PartitionWriter<RejectRow> rejects) {
            this.access = access;
            this.errors = errors;
            this.rejects = rejects;
            for (RejectReason reason : RejectReason.values()) {
                byReason.put(reason, new AtomicLong());
            }
        }

        @Override
        public void accept(CanonicalRecord record) {
            (record.logType() == LogType.ACCESS ? access : errors).write(record);
        }

        @Override
        public void reject(RejectRow row) {
            byReason.get(row.reasonCode()).incrementAndGet();
            rejects.write(row);
        }

        TreeMap<RejectReason, Long> rejectsByReason() {
            TreeMap<RejectReason, Long> counts = new TreeMap<>();
            byReason.forEach((reason, n) -> {
                if (n.get() > 0) {
                    counts.put(reason, n.get());
                }
            });
            return counts;
        }
    }

    @Override
    public DailyActivity aggregate(RunContext context, LocalDate processDate) {
        long rejected = datasets.partition(Dataset.REJECTS, Dataset.rejectsPartition(processDate))
                .map(PartitionInfo::rows)
                .orElse(0L);
        DailyActivity row = datasets instanceof EventScan scan ? scanColumns(scan, processDate, rejected)
                : readRows(processDate).result(processDate, rejected);
        try (PartitionWriter<DailyActivity> gold = datasets.overwrite(Dataset.DAILY_ACTIVITY,
                Dataset.dailyActivityPartition(processDate), context.runId())) {
            gold.write(row);
            gold.commit();
        }
        return row;
    }

    /** The row path, for stores without a columnar scan. */
    private DistinctEvents readRows(LocalDate processDate) {
        DistinctEvents events = new DistinctEvents();
        for (LogType logType : LogType.values()) {
            try (CloseableIterator<CanonicalRecord> rows = datasets.read(Dataset.LOGS, Dataset.logsPartition(logType, processDate))) {
                rows.forEachRemaining(events::add);
            }
        }
        return events;
    }

    /**
     * The columnar path: every file of the day's logs partitions scanned on the pool, within
     * {@code aggregateMemoryBytes} (see {@link ColumnarAggregate}).
     */
    private DailyActivity scanColumns(EventScan scan, LocalDate processDate, long rejected) {
        List<ColumnarAggregate.Part> parts = new ArrayList<>();
        long rows = 0;
        for (LogType logType : LogType.values()) {
            Optional<PartitionInfo> partition = datasets.partition(Dataset.LOGS, Dataset.logsPartition(logType, processDate));
            if (partition.isEmpty()) {
                continue; // never committed: no rows
            }
            for (EventScan.Source source : scan.eventSources(partition.get())) {
                parts.add(new ColumnarAggregate.Part(logType, source));
            }
            rows += partition.get().rows();
        }
        return new ColumnarAggregate(threads, aggregateMemoryBytes).aggregate(parts, rows, processDate, rejected);
    }

    private ExecutorService newPool(String name) {
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
