package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.catalog.AtlasTables;
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
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.catalog.CatalogPartition;
import io.atlas.ports.commit.DayPartition;
import io.atlas.ports.commit.PartitionCommit;
import io.atlas.ports.dataset.CloseableIterator;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.domain.aggregate.DistinctEvents;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code atlas validate}: reconciles one day independently of the run that produced it. It re-reads the day's
 * validated files with the domain rules and checks, per file, that processed and rejected rows are exactly what
 * SPEC §3's conservation says; that the catalog lists exactly the committed partitions; that the gold row equals an
 * aggregate recomputed from the processed rows; and that no uncommitted files linger in the day's partitions.
 */
public final class Validator {
    private final ObjectStore store;
    private final DatasetStore datasets;
    private final Catalog catalog;
    private final NormalizationSettings settings;

    public Validator(ObjectStore store, DatasetStore datasets, Catalog catalog, NormalizationSettings settings) {
        this.store = requireNonNull(store, "store is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    public ValidationReport validate(LocalDate date) {
        List<ValidationReport.Check> checks = new ArrayList<>();
        Map<String, long[]> bySource = new TreeMap<>();
        DistinctEvents events = new DistinctEvents();
        long processed = 0;
        for (LogType type : LogType.values()) {
            try (CloseableIterator<CanonicalRecord> rows = datasets.read(Dataset.LOGS, Dataset.logsPartition(type, date))) {
                while (rows.hasNext()) {
                    CanonicalRecord row = rows.next();
                    bySource.computeIfAbsent(row.sourceFile(), k -> new long[2])[0]++;
                    events.add(row);
                    processed++;
                }
            }
        }
        long rejected = 0;
        try (CloseableIterator<RejectRow> rows = datasets.read(Dataset.REJECTS, Dataset.rejectsPartition(date))) {
            while (rows.hasNext()) {
                bySource.computeIfAbsent(rows.next().sourceFile(), k -> new long[2])[1]++;
                rejected++;
            }
        }
        checks.add(committed(date));
        checks.add(conservation(date, bySource));
        checks.add(gold(date, events.result(date, rejected), processed));
        for (Dataset<?> dataset : Dataset.ALL) {
            checks.add(catalogMatchesStorage(dataset));
        }
        checks.add(leftovers(date));
        return new ValidationReport(date, checks);
    }

    private ValidationReport.Check committed(LocalDate date) {
        List<String> missing = new ArrayList<>();
        for (LogType type : LogType.values()) {
            if (datasets.partition(Dataset.LOGS, Dataset.logsPartition(type, date)).isEmpty()) {
                missing.add(Dataset.LOGS.location(Dataset.logsPartition(type, date)));
            }
        }
        if (datasets.partition(Dataset.REJECTS, Dataset.rejectsPartition(date)).isEmpty()) {
            missing.add(Dataset.REJECTS.location(Dataset.rejectsPartition(date)));
        }
        return missing.isEmpty()
                ? new ValidationReport.Check("normalized", true, "processed and rejects partitions committed")
                : new ValidationReport.Check("normalized", false, "not normalized: no committed " + String.join(", ", missing));
    }

    private ValidationReport.Check conservation(LocalDate date, Map<String, long[]> actual) {
        List<String> problems = new ArrayList<>();
        FileCounts total = FileCounts.ZERO;
        Set<String> files = new HashSet<>();
        for (LogFormat format : LogFormat.values()) {
            for (ObjectInfo file : store.list(LakeLayout.validatedDayPrefix(format, date))) {
                String key = file.key().value();
                files.add(key);
                FileCounts expected = expected(format, file.key(), date);
                total = total.plus(expected);
                long[] found = actual.getOrDefault(key, new long[2]);
                if (found[0] != expected.processed() || found[1] != expected.rejected()) {
                    problems.add(key + ": expected " + expected.processed() + " processed + " + expected.rejected()
                            + " rejected, found " + found[0] + " + " + found[1]);
                }
            }
        }
        actual.forEach((source, found) -> {
            if (!files.contains(source)) {
                problems.add(found[0] + " processed and " + found[1] + " rejected rows come from " + source
                        + ", which is no longer routed to " + date + " (rerun the day)");
            }
        });
        if (!problems.isEmpty()) {
            return new ValidationReport.Check("conservation", false, String.join("; ", problems));
        }
        return new ValidationReport.Check("conservation", true, files.size() + " files: read " + total.read()
                + " = processed " + total.processed() + " + rejected " + total.rejected() + " + other-day " + total.otherDay());
    }

    private FileCounts expected(LogFormat format, ObjectKey key, LocalDate date) {
        NormalizedSink counting = new NormalizedSink() {
            @Override
            public void accept(CanonicalRecord record) {}

            @Override
            public void reject(RejectRow row) {}
        };
        try {
            return new FileNormalizer(settings).normalize(format, key.value(), () -> store.open(key), date, counting);
        } catch (IOException e) {
            throw new io.atlas.ports.storage.StorageException(io.atlas.ports.ErrorCategory.TRANSIENT,
                    "Cannot validate " + key + ": " + e.getMessage(), e);
        }
    }

    private ValidationReport.Check gold(LocalDate date, DailyActivity recomputed, long processed) {
        List<DailyActivity> stored = read(Dataset.DAILY_ACTIVITY, Dataset.dailyActivityPartition(date));
        if (stored.size() != 1) {
            return new ValidationReport.Check("gold", false, "expected one daily_activity row for " + date + ", found " + stored.size());
        }
        if (!stored.get(0).equals(recomputed)) {
            return new ValidationReport.Check("gold", false, "daily_activity row " + stored.get(0)
                    + " differs from the processed rows, which give " + recomputed);
        }
        return new ValidationReport.Check("gold", true, "daily_activity matches " + processed + " processed rows ("
                + recomputed.totalRequests() + " requests, " + recomputed.errorCount() + " errors)");
    }

    private ValidationReport.Check catalogMatchesStorage(Dataset<?> dataset) {
        Map<List<String>, String> storage = new HashMap<>();
        datasets.partitions(dataset).forEach(p -> storage.put(p.values(), p.location()));
        Map<List<String>, String> registered = new HashMap<>();
        if (catalog.table(AtlasTables.DATABASE, dataset.name()).isPresent()) {
            for (CatalogPartition p : catalog.partitions(AtlasTables.DATABASE, dataset.name())) {
                registered.put(p.values(), p.location());
            }
        }
        String name = "catalog:" + dataset.name();
        if (storage.equals(registered)) {
            return new ValidationReport.Check(name, true, storage.size() + " partitions in catalog and storage");
        }
        Set<List<String>> unregistered = new HashSet<>(storage.keySet());
        unregistered.removeAll(registered.keySet());
        Set<List<String>> vanished = new HashSet<>(registered.keySet());
        vanished.removeAll(storage.keySet());
        return new ValidationReport.Check(name, false, "not crawled: " + unregistered + "; registered but gone: " + vanished);
    }

    private ValidationReport.Check leftovers(LocalDate date) {
        List<String> stray = new ArrayList<>();
        for (DayPartition partition : PartitionCommit.runOutputs(date)) {
            PartitionCommit.uncommittedFiles(store, partition).forEach(key -> stray.add(key.value()));
        }
        return stray.isEmpty()
                ? new ValidationReport.Check("leftovers", true, "no uncommitted files")
                : new ValidationReport.Check("leftovers", false, "uncommitted files: " + String.join(", ", stray));
    }

    private <R> List<R> read(Dataset<R> dataset, List<String> partition) {
        List<R> rows = new ArrayList<>();
        try (CloseableIterator<R> it = datasets.read(dataset, partition)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }
}
