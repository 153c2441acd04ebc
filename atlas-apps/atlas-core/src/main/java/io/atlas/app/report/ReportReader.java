package io.atlas.app.report;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atlas.app.quality.DayRows;
import io.atlas.app.quality.RunDetails;
import io.atlas.app.quality.RunDetailsStore;
import io.atlas.app.service.DayChangeLog;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads a {@link ReportData} from a lake, local or S3, through the same ports the other commands use. */
public final class ReportReader {
    /** The most recent runs the history shows. */
    static final int MAX_RUNS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;
    private final DatasetStore datasets;
    private final RunLedger ledger;
    private final DayChangeLog changes;
    private final RunDetailsStore details;

    public ReportReader(ObjectStore store, DatasetStore datasets, RunLedger ledger, DayChangeLog changes, RunDetailsStore details) {
        this.store = requireNonNull(store, "store is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.changes = requireNonNull(changes, "changes is null");
        this.details = requireNonNull(details, "details is null");
    }

    /**
     * The report over {@code from..to} (each defaulting to the first and last day the lake knows), with
     * {@code day} (default: the last day of the range with a row) as the chosen day.
     */
    public ReportData read(String lake, Optional<LocalDate> from, Optional<LocalDate> to, Optional<LocalDate> day, Instant now) {
        List<RunRecord> runs = ledger.list();
        SortedMap<LocalDate, List<?>> pending = new TreeMap<>(changes.markersByDay());
        TreeSet<LocalDate> known = new TreeSet<>(pending.keySet());
        for (PartitionInfo partition : datasets.partitions(Dataset.DAILY_ACTIVITY)) {
            known.add(LocalDate.parse(partition.values().get(0)));
        }
        runs.forEach(r -> r.processDate().ifPresent(known::add));
        LocalDate first = from.orElse(known.isEmpty() ? now.atZone(java.time.ZoneOffset.UTC).toLocalDate() : known.first());
        LocalDate last = to.orElse(known.isEmpty() ? first : known.last());
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("Cannot report on " + first + " to " + last + ": the range ends before it starts");
        }
        if (first.plusDays(3660).isBefore(last)) {
            throw new IllegalArgumentException("Cannot report on " + first + " to " + last + ": more than ten years");
        }
        Map<LocalDate, RunRecord> lastRun = new HashMap<>();
        Map<LocalDate, RunRecord> lastSuccess = new HashMap<>();
        Map<LocalDate, Integer> successes = new HashMap<>();
        for (RunRecord run : runs) {
            run.processDate().ifPresent(date -> {
                lastRun.put(date, run);
                if (run.state() == RunState.SUCCEEDED && run.kind() == io.atlas.ports.ledger.RunKind.PIPELINE) {
                    lastSuccess.put(date, run);
                    successes.merge(date, 1, Integer::sum);
                }
            });
        }
        List<ReportData.Day> days = new ArrayList<>();
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            Optional<RunRecord> success = Optional.ofNullable(lastSuccess.get(date));
            days.add(new ReportData.Day(date, gold(date), DayRows.rejectsByReason(datasets, date), Optional.ofNullable(lastRun.get(date)),
                    success.flatMap(r -> details.find(r.runId().value())), successes.getOrDefault(date, 0),
                    pending.containsKey(date)));
        }
        List<RunRecord> shown = runs.stream().filter(r -> r.processDate().map(d -> !d.isBefore(first) && !d.isAfter(last)).orElse(true))
                .toList();
        shown = shown.subList(Math.max(0, shown.size() - MAX_RUNS), shown.size());
        Map<String, RunDetails> runDetails = new HashMap<>();
        for (RunRecord run : shown) {
            if (run.state() == RunState.SUCCEEDED && run.processDate().isPresent()) {
                details.find(run.runId().value()).ifPresent(d -> runDetails.put(run.runId().value(), d));
            }
        }
        Optional<LocalDate> chosen = day.or(() -> days.stream().filter(d -> d.activity().isPresent())
                .map(ReportData.Day::date).reduce((a, b) -> b));
        return new ReportData(lake, now, first, last, days, fileRejects(), chosen.flatMap(this::goldOrEmpty), shown, runDetails);
    }

    private Optional<DailyActivity> goldOrEmpty(LocalDate date) {
        return Optional.of(gold(date).orElse(DailyActivity.empty(date, 0)));
    }

    private Optional<DailyActivity> gold(LocalDate date) {
        return DayRows.gold(datasets, date);
    }

    /** File-level rejects by reason code, from the {@code .error.json} sidecars under {@code rejected/system/lambda/}. */
    private SortedMap<String, Long> fileRejects() {
        SortedMap<String, Long> counts = new TreeMap<>();
        for (ObjectInfo object : store.list(LakeLayout.LAMBDA_REJECTS)) {
            if (object.key().value().endsWith(".error.json")) {
                try {
                    String reason = JSON.readTree(store.readAllBytes(object.key())).path("reason_code").asText("UNKNOWN");
                    counts.merge(reason, 1L, Long::sum);
                } catch (IOException e) {
                    counts.merge("UNREADABLE_SIDECAR", 1L, Long::sum);
                }
            }
        }
        return counts;
    }
}
