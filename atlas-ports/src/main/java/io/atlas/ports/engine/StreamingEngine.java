package io.atlas.ports.engine;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.file.FileContentException;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.FileNormalizer;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.normalize.NormalizedSink;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.run.RunContext;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.dataset.CloseableIterator;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.EventScan;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.dataset.PartitionWriter;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-process engine: reads validated files through an {@link ObjectStore}, runs the domain's
 * {@link FileNormalizer} on each (files in parallel, one thread each, up to {@code threads}), and streams rows to a
 * {@link DatasetStore}. Memory does not grow with the day's size during normalize; aggregate holds one entry per
 * distinct event. With an in-memory store it is the in-memory engine; with the filesystem and Parquet stores it is
 * the local engine.
 */
public final class StreamingEngine implements Engine {
    private final ObjectStore store;
    private final DatasetStore datasets;
    private final NormalizationSettings settings;
    private final int threads;

    public StreamingEngine(ObjectStore store, DatasetStore datasets, NormalizationSettings settings, int threads) {
        this.store = requireNonNull(store, "store is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.settings = requireNonNull(settings, "settings is null");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
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
            rejects.commit();
            errors.commit();
            access.commit();
            return new NormalizeResult(processDate, files.size(), byFormat, sink.rejectsByReason());
        }
    }

    private record InputFile(LogFormat format, ObjectKey key) {}

    /** Every file below {@code validated/<format>/<D>/}; a missing format folder is an empty input. */
    private List<InputFile> inputFiles(LocalDate processDate) {
        List<InputFile> files = new ArrayList<>();
        for (LogFormat format : LogFormat.values()) {
            for (ObjectInfo object : store.list(LakeLayout.validatedDayPrefix(format, processDate))) {
                files.add(new InputFile(format, object.key()));
            }
        }
        return files;
    }

    private Map<LogFormat, FileCounts> normalizeAll(List<InputFile> files, LocalDate processDate, RoutingSink sink) {
        Map<LogFormat, FileCounts> byFormat = new EnumMap<>(LogFormat.class);
        if (threads == 1 || files.size() <= 1) {
            for (InputFile file : files) {
                byFormat.merge(file.format(), normalizeOne(file, processDate, sink), FileCounts::plus);
            }
            return byFormat;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), runnable -> {
            Thread thread = new Thread(runnable, "atlas-normalize");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<FileCounts>> results = new ArrayList<>();
            for (InputFile file : files) {
                results.add(pool.submit(() -> normalizeOne(file, processDate, sink)));
            }
            for (int i = 0; i < files.size(); i++) {
                byFormat.merge(files.get(i).format(), await(results.get(i)), FileCounts::plus);
            }
            return byFormat;
        } finally {
            pool.shutdownNow();
        }
    }

    private static FileCounts await(Future<FileCounts> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(ErrorCategory.TRANSIENT, "Cannot normalize: interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EngineException(ErrorCategory.INTERNAL, "Cannot normalize: " + e.getCause(), e.getCause());
        }
    }

    private FileCounts normalizeOne(InputFile file, LocalDate processDate, NormalizedSink sink) {
        try {
            return new FileNormalizer(settings)
                    .normalize(file.format(), file.key().value(), () -> store.open(file.key()), processDate, sink);
        } catch (FileContentException e) {
            throw new EngineException(ErrorCategory.INTERNAL, "Cannot normalize " + file.key() + ": " + e.reason()
                    + " (" + e.detail() + "); ingestion should have rejected it", e);
        } catch (IOException e) {
            throw new EngineException(ErrorCategory.TRANSIENT, "Cannot normalize " + file.key() + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
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
        DistinctEvents events = new DistinctEvents();
        for (LogType logType : LogType.values()) {
            if (datasets instanceof EventScan scan) {
                scan.scanEvents(logType, processDate, (id, offset, status, ip, device, type, app) ->
                        events.add(logType, id, offset, status, ip, device, type, app));
                continue;
            }
            try (CloseableIterator<CanonicalRecord> rows = datasets.read(Dataset.LOGS, Dataset.logsPartition(logType, processDate))) {
                rows.forEachRemaining(events::add);
            }
        }
        long rejected = datasets.partition(Dataset.REJECTS, Dataset.rejectsPartition(processDate))
                .map(PartitionInfo::rows)
                .orElse(0L);
        DailyActivity row = events.result(processDate, rejected);
        try (PartitionWriter<DailyActivity> gold = datasets.overwrite(Dataset.DAILY_ACTIVITY,
                Dataset.dailyActivityPartition(processDate), context.runId())) {
            gold.write(row);
            gold.commit();
        }
        return row;
    }
}
