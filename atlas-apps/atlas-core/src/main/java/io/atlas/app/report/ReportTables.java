package io.atlas.app.report;

import io.atlas.app.quality.RunDetails;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.ports.ledger.RunRecord;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report's two tables: one row per day (state, pending, gates, change) and the run history with durations. */
final class ReportTables {
    private ReportTables() {}

    static String days(ReportData data) {
        StringBuilder html = new StringBuilder("<div class=\"scroll\"><table id=\"days\"><thead><tr><th>date</th><th>total_requests</th>"
                + "<th>error_count</th><th>rejected</th><th>last run</th><th>pending</th><th>gates</th><th>tripped gates</th>"
                + "<th>last change</th></tr></thead><tbody>");
        for (ReportData.Day day : data.days()) {
            String state = day.lastRun().map(r -> r.state().name()).orElse("never run");
            String gates = HtmlReport.gates(day.lastSuccess());
            html.append("<tr data-key=\"").append(day.date()).append("\"><td>").append(day.date()).append(day.reprocessed() ? " ↻" : "")
                    .append("</td>").append(number(day.activity().map(DailyActivity::totalRequests)))
                    .append(number(day.activity().map(DailyActivity::errorCount)))
                    .append(number(day.activity().map(DailyActivity::rejectedRecords)))
                    .append("<td class=\"").append(state.replace(' ', '-')).append("\">").append(state).append("</td><td>")
                    .append(day.pending() ? "pending" : "no").append("</td><td class=\"").append(gates).append("\">").append(gates)
                    .append("</td><td>").append(Html.escape(HtmlReport.tripped(day.lastSuccess()))).append("</td><td>")
                    .append(Html.escape(day.lastSuccess().flatMap(RunDetails::change).map(c -> c.diff().summary()).orElse("")))
                    .append("</td></tr>");
        }
        return html.append("</tbody></table></div>").toString();
    }

    static String runs(ReportData data) {
        List<RunRecord> runs = data.runs();
        long longest = runs.stream().mapToLong(ReportTables::millis).max().orElse(0);
        StringBuilder html = new StringBuilder("<div class=\"scroll\"><table id=\"runs\"><thead><tr><th>run</th><th>kind</th><th>date</th>"
                + "<th>state</th><th>started</th><th>duration</th><th>failed step</th><th>gates</th><th>change</th></tr></thead><tbody>");
        for (int i = runs.size() - 1; i >= 0; i--) {
            RunRecord run = runs.get(i);
            Optional<RunDetails> details = Optional.ofNullable(data.details().get(run.runId().value()));
            long ms = millis(run);
            double width = longest == 0 ? 0 : 120.0 * ms / longest;
            html.append("<tr data-run=\"").append(Html.escape(run.runId().value())).append("\" data-duration-ms=\"").append(ms)
                    .append("\"><td>").append(Html.escape(run.runId().value())).append("</td><td>").append(run.kind().wireName())
                    .append("</td><td>").append(run.processDate().map(Object::toString).orElse("")).append("</td><td class=\"")
                    .append(run.state().name()).append("\">").append(run.state().name()).append("</td><td>").append(run.startedAt())
                    .append("</td><td class=\"n\">").append(String.format(Locale.ROOT, "<span class=\"dur\" style=\"width:%.0fpx\"></span>", width))
                    .append(run.endedAt().isPresent() ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0) : "-").append("</td><td>")
                    .append(HtmlReport.failure(run)).append("</td><td class=\"").append(HtmlReport.gates(details)).append("\">")
                    .append(HtmlReport.gates(details)).append("</td><td>")
                    .append(Html.escape(details.flatMap(RunDetails::change).map(c -> c.diff().summary()).orElse(""))).append("</td></tr>");
        }
        return html.append("</tbody></table></div>").toString();
    }

    private static long millis(RunRecord run) {
        return run.endedAt().map(end -> Duration.between(run.startedAt(), end).toMillis()).orElse(0L);
    }

    private static String number(Optional<Long> value) {
        return "<td class=\"n\">" + value.map(v -> String.format(Locale.ROOT, "%,d", v)).orElse("-") + "</td>";
    }
}
