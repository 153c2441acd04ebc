package io.atlas.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.app.Atlas;
import io.atlas.app.quality.DayRows;
import io.atlas.app.quality.RunDetails;
import io.atlas.app.quality.RunDetailsStore;
import io.atlas.app.service.DayChangeLog;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.storage.ObjectInfo;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"A line per day the lake knows (validated input, runs, pending changes), most recent last: "
                + "last successful run, files ingested since, whether the day is pending, gold totals, and the quality gates "
                + "of its last successful run (PASS, WARN or FAIL with the tripped gates), and the state of its latest run "
                + "(FAILED (normalize) when the latest run failed, even after an older success); then what to do next.",
                "Then the files in raw/ older than --stuck-after (1 hour): files ingestion never took (on S3, after the "
                + "ingestion Lambda's retries, see the dead-letter queue); with --format json they go to stderr."})
final class StatusCommand extends LakeCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--days", defaultValue = "30", description = "Show the most recent N days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--stuck-after", defaultValue = "PT1H",
            description = "List raw/ files older than this ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration stuckAfter;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    QueryOutput.Format format;

    record DayStatus(LocalDate date, Optional<RunRecord> lastSuccess, int filesSince, boolean pending,
            Optional<DailyActivity> gold, Optional<RunDetails> details, Optional<RunRecord> latest) {
        /** {@code SUCCEEDED}, {@code FAILED (normalize)}, {@code RUNNING}, or {@code never}. */
        String latestState() {
            return latest.map(r -> r.state().name() + r.failedStep().map(s -> " (" + s.name().wireName() + ")").orElse(""))
                    .orElse("never");
        }

        boolean latestFailed() {
            return latest.isPresent() && latest.get().state() != RunState.SUCCEEDED && latest.get().state() != RunState.RUNNING;
        }
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (days < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--days must be at least 1, got " + days);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Atlas atlas = root.open()) {
            DayChangeLog changes = atlas.component(DayChangeLog.class);
            DatasetStore datasets = atlas.component(DatasetStore.class);
            SortedMap<LocalDate, List<ObjectKey>> pending = changes.markersByDay();
            TreeSet<LocalDate> known = new TreeSet<>(pending.keySet());
            for (ObjectInfo file : atlas.store().list(LakeLayout.VALIDATED)) {
                LakeLayout.parseValidatedKey(file.key()).ifPresent(v -> known.add(v.day()));
            }
            Map<LocalDate, RunRecord> lastSuccess = new HashMap<>();
            Map<LocalDate, RunRecord> latest = new HashMap<>();
            for (RunRecord run : atlas.runs()) {
                if (run.processDate().isPresent()) {
                    known.add(run.processDate().get());
                    latest.merge(run.processDate().get(), run, (a, b) -> b.startedAt().isBefore(a.startedAt()) ? a : b);
                    if (run.state() == RunState.SUCCEEDED) {
                        lastSuccess.put(run.processDate().get(), run);
                    }
                }
            }
            for (PartitionInfo partition : datasets.partitions(Dataset.DAILY_ACTIVITY)) {
                known.add(LocalDate.parse(partition.values().get(0)));
            }
            RunDetailsStore details = atlas.component(RunDetailsStore.class);
            List<DayStatus> statuses = new ArrayList<>();
            for (LocalDate day : known.descendingSet().stream().limit(Math.max(0, days)).sorted().toList()) {
                int since = pending.getOrDefault(day, List.of()).size();
                Optional<RunRecord> success = Optional.ofNullable(lastSuccess.get(day));
                statuses.add(new DayStatus(day, success, since, since > 0, DayRows.gold(datasets, day),
                        success.flatMap(r -> details.find(r.runId().value())), Optional.ofNullable(latest.get(day))));
            }
            out.print(switch (format) {
                case json -> json(statuses);
                case csv -> QueryOutput.csv(HEADERS, rows(statuses));
                case table -> TextTable.render(HEADERS, rows(statuses));
            });
            out.flush();
            PrintWriter hints = format == QueryOutput.Format.table ? out : spec.commandLine().getErr();
            hint(statuses).ifPresent(hints::println);
            hints.flush();
            List<ObjectInfo> stuck = stuckRawFiles(atlas.store().list(LakeLayout.RAW), Instant.now().minus(stuckAfter));
            if (!stuck.isEmpty()) {
                PrintWriter to = format == QueryOutput.Format.json ? spec.commandLine().getErr() : out;
                to.print(stuckTable(stuck));
                to.flush();
            }
            return AtlasCli.OK;
        }
    }

    /** Files still in raw/ that were last written before {@code cutoff}, oldest first. */
    static List<ObjectInfo> stuckRawFiles(List<ObjectInfo> raw, Instant cutoff) {
        return raw.stream().filter(f -> f.lastModified().isBefore(cutoff))
                .sorted(java.util.Comparator.comparing(ObjectInfo::lastModified)).toList();
    }

    private String stuckTable(List<ObjectInfo> stuck) {
        List<List<String>> rows = new ArrayList<>();
        for (ObjectInfo file : stuck) {
            rows.add(List.of(file.key().value(), file.lastModified().toString(), Long.toString(file.size())));
        }
        return "\n" + stuck.size() + " file(s) in raw/ older than " + stuckAfter + ", not ingested:\n"
                + TextTable.render(List.of("raw_file", "last_modified", "bytes"), rows);
    }

    private static final List<String> HEADERS = List.of("date", "last_success", "files_since", "pending", "total_requests",
            "error_count", "rejected_records", "last_run", "gates");

    /** What to do next: rerun failed days, run pending ones, or ingest first. */
    static Optional<String> hint(List<DayStatus> statuses) {
        List<String> failed = statuses.stream().filter(DayStatus::latestFailed).map(s -> s.date().toString()).toList();
        long pendingDays = statuses.stream().filter(DayStatus::pending).count();
        if (statuses.isEmpty()) {
            return Optional.of("Next: nothing has been ingested yet; run 'atlas ingest' (or 'atlas generate' for sample logs).");
        }
        if (!failed.isEmpty()) {
            return Optional.of("Next: the latest run of " + String.join(", ", failed) + " failed; see 'atlas runs', fix the input, "
                    + "then run 'atlas run --date " + failed.get(failed.size() - 1) + "'"
                    + (pendingDays > 0 ? " (or 'atlas run --pending' for the " + pendingDays + " pending day(s))" : "") + ".");
        }
        if (pendingDays > 0) {
            return Optional.of("Next: " + pendingDays + " day(s) have input newer than their last successful run; run 'atlas run --pending'.");
        }
        return Optional.empty();
    }

    private static List<List<String>> rows(List<DayStatus> statuses) {
        List<List<String>> rows = new ArrayList<>();
        for (DayStatus s : statuses) {
            rows.add(List.of(s.date().toString(), s.lastSuccess().map(r -> r.startedAt().toString()).orElse("never"),
                    Integer.toString(s.filesSince()), s.pending() ? "yes" : "no",
                    s.gold().map(g -> Long.toString(g.totalRequests())).orElse("-"),
                    s.gold().map(g -> Long.toString(g.errorCount())).orElse("-"),
                    s.gold().map(g -> Long.toString(g.rejectedRecords())).orElse("-"), s.latestState(), gates(s.details())));
        }
        return rows;
    }

    /** {@code PASS}, or {@code WARN volume, reject-rate}: the worst outcome and the gates that tripped. */
    private static String gates(Optional<RunDetails> details) {
        return details.map(d -> d.gateStatus().name() + (d.tripped().isEmpty() ? ""
                : " " + String.join(", ", d.tripped().stream().map(g -> g.gate().key()).toList()))).orElse("-");
    }

    private static String json(List<DayStatus> statuses) throws JsonProcessingException {
        ArrayNode array = JSON.createArrayNode();
        for (DayStatus s : statuses) {
            ObjectNode node = array.addObject();
            node.put("date", s.date().toString());
            node.put("last_success_run_id", s.lastSuccess().map(r -> r.runId().value()).orElse(null));
            node.put("last_success_at", s.lastSuccess().map(r -> r.startedAt().toString()).orElse(null));
            node.put("files_since", s.filesSince());
            node.put("pending", s.pending());
            node.put("last_run_id", s.latest().map(r -> r.runId().value()).orElse(null));
            node.put("last_run_state", s.latest().map(r -> r.state().name()).orElse(null));
            node.put("last_run_failed_step", s.latest().flatMap(RunRecord::failedStep).map(f -> f.name().wireName()).orElse(null));
            if (s.gold().isPresent()) {
                node.put("total_requests", s.gold().get().totalRequests());
                node.put("error_count", s.gold().get().errorCount());
                node.put("rejected_records", s.gold().get().rejectedRecords());
            }
            if (s.details().isPresent()) {
                node.put("gates", s.details().get().gateStatus().name());
                ArrayNode tripped = node.putArray("tripped_gates");
                s.details().get().tripped().forEach(g -> tripped.add(g.toString()));
            }
        }
        return JSON.writeValueAsString(array) + "\n";
    }
}
