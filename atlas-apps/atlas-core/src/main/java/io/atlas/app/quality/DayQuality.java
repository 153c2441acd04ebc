package io.atlas.app.quality;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.quality.DayDiff;
import io.atlas.domain.quality.DayMetrics;
import io.atlas.domain.quality.DaySnapshot;
import io.atlas.domain.quality.GateOutcome;
import io.atlas.domain.quality.GateSettings;
import io.atlas.domain.quality.InputFile;
import io.atlas.domain.quality.QualityGates;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.ledger.RunKind;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The day-level checks of a pipeline run: the input files it read (hashed when it starts), then, once the day is
 * published, the gates against the trailing successful days and the diff against the previous successful run of the
 * day, saved as the run's {@link RunDetails}. Never changes the day's numbers.
 */
public final class DayQuality {
    private final ObjectStore store;
    private final DatasetStore datasets;
    private final RunLedger ledger;
    private final RunDetailsStore details;
    private final GateSettings settings;

    public DayQuality(ObjectStore store, DatasetStore datasets, RunLedger ledger, RunDetailsStore details, GateSettings settings) {
        this.store = requireNonNull(store, "store is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.details = requireNonNull(details, "details is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * The day's validated files now, by name and SHA-256: what a run starting now reads. A name two formats share is
     * prefixed with its format's folder ({@code ndjson/day.log}).
     */
    public List<InputFile> inputs(LocalDate date) {
        List<LakeLayout.ValidatedKey> keys = new ArrayList<>();
        List<ObjectInfo> objects = new ArrayList<>();
        for (LogFormat format : LogFormat.values()) {
            for (ObjectInfo object : store.list(LakeLayout.validatedDayPrefix(format, date))) {
                LakeLayout.parseValidatedKey(object.key()).ifPresent(key -> {
                    keys.add(key);
                    objects.add(object);
                });
            }
        }
        java.util.Map<String, Long> uses = new java.util.HashMap<>();
        keys.forEach(key -> uses.merge(key.name(), 1L, Long::sum));
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            LakeLayout.ValidatedKey key = keys.get(i);
            String name = uses.get(key.name()) > 1 ? key.format().folder() + "/" + key.name() : key.name();
            files.add(new InputFile(name, sha256(objects.get(i)), objects.get(i).size()));
        }
        return files;
    }

    /**
     * Evaluates the gates on the day's published {@code row} at {@code at}, diffs it against the previous successful
     * run of the day, and saves both as the details of {@code runId}.
     */
    public RunDetails record(RunId runId, LocalDate date, List<InputFile> inputs, DailyActivity row, Instant at) {
        DaySnapshot snapshot = DaySnapshot.of(inputs, row, DayRows.rejectsByReason(datasets, date));
        List<DayMetrics> history = new ArrayList<>();
        Optional<RecordAndDate> previous = Optional.empty();
        SortedMap<LocalDate, RunRecord> lastSuccess = new TreeMap<>();
        for (RunRecord run : ledger.list()) {
            if (run.state() == RunState.SUCCEEDED && run.kind() == RunKind.PIPELINE && run.processDate().isPresent()
                    && !run.runId().equals(runId)) {
                lastSuccess.put(run.processDate().get(), run);
            }
        }
        for (LocalDate day : lastSuccess.headMap(date).keySet().stream().sorted(java.util.Comparator.reverseOrder())
                .limit(settings.trailingDays()).toList()) {
            DayRows.gold(datasets, day).map(DayMetrics::of).ifPresent(history::add);
        }
        RunRecord before = lastSuccess.get(date);
        if (before != null) {
            previous = details.find(before.runId().value()).map(d -> new RecordAndDate(before, d));
        }
        List<GateOutcome> gates = new QualityGates(settings).evaluate(DayMetrics.of(row), history,
                new QualityGates.Arrival(inputs.size(), at));
        Optional<RunDetails.Change> change = previous.map(p -> new RunDetails.Change(p.run().runId().value(),
                DayDiff.between(p.details().snapshot(), snapshot)));
        RunDetails result = new RunDetails(runId.value(), date, snapshot, gates, change);
        details.save(result);
        return result;
    }

    private record RecordAndDate(RunRecord run, RunDetails details) {}


    private String sha256(ObjectInfo object) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(store.open(object.key()), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot hash input " + object.key() + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
