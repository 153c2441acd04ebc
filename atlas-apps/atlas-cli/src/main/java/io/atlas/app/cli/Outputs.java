package io.atlas.app.cli;

import io.atlas.app.service.IngestOutcome;
import io.atlas.app.service.IngestReport;
import io.atlas.ports.ledger.CountKey;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.StepRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How commands describe outcomes on the terminal. */
final class Outputs {
    private Outputs() {}

    static String outcome(IngestOutcome outcome) {
        if (outcome instanceof IngestOutcome.Routed routed) {
            return "routed   " + routed.rawKey() + " -> " + routed.days().stream().map(Object::toString)
                    .collect(Collectors.joining(", ")) + " (" + routed.records() + " records"
                    + (routed.staleCopiesRemoved().isEmpty() ? "" : ", " + routed.staleCopiesRemoved().size() + " stale copies removed")
                    + ")";
        }
        if (outcome instanceof IngestOutcome.Rejected rejected) {
            return "rejected " + rejected.rawKey() + ": " + rejected.reason() + " (" + rejected.detail() + ")";
        }
        return "gone     " + outcome.rawKey() + " (already ingested)";
    }

    static void summary(PrintWriter out, IngestReport report) {
        out.println("Ingested " + (report.outcomes().size() + report.failures().size()) + " files: " + report.routed()
                + " routed to " + report.days().size() + " days, " + report.rejected() + " rejected"
                + (report.rejectsByReason().isEmpty() ? "" : " " + report.rejectsByReason()) + ", "
                + report.failures().size() + " failed");
        report.failures().forEach((key, error) -> out.println("failed   " + key + ": " + error + " (left in raw/)"));
    }

    static String duration(RunRecord run) {
        return run.endedAt().map(end -> seconds(Duration.between(run.startedAt(), end))).orElse("-");
    }

    static String duration(StepRecord step) {
        if (step.startedAt().isEmpty() || step.endedAt().isEmpty()) {
            return "-";
        }
        return seconds(Duration.between(step.startedAt().get(), step.endedAt().get()));
    }

    private static String seconds(Duration duration) {
        return String.format("%.2f s", duration.toMillis() / 1000.0);
    }

    static String steps(RunRecord run) {
        List<List<String>> rows = new ArrayList<>();
        for (StepRecord step : run.steps()) {
            rows.add(List.of(step.name().wireName(), step.state().name(), duration(step),
                    step.error().orElse(step.counts().isEmpty() ? "" : headline(step))));
        }
        return TextTable.render(List.of("step", "state", "time", "detail"), rows);
    }

    private static String headline(StepRecord step) {
        List<String> keys = List.of(CountKey.READ.wireName(), CountKey.PROCESSED.wireName(), CountKey.REJECTED.wireName(),
                CountKey.OTHER_DAY.wireName(), CountKey.FILES.wireName(), CountKey.TOTAL_REQUESTS.wireName(),
                CountKey.ERROR_COUNT.wireName(), CountKey.UNIQUE_IPS.wireName(), CountKey.DUPLICATE_RECORDS.wireName(),
                CountKey.REJECTED_RECORDS.wireName(), CountKey.PARTITIONS.of("logs"), CountKey.PARTITIONS.wireName());
        return keys.stream().filter(step.counts()::containsKey)
                .map(k -> k + "=" + step.counts().get(k))
                .collect(Collectors.joining(" "));
    }
}
