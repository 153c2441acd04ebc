package io.atlas.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.app.quality.RunDetails;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.quality.GateOutcome;
import io.atlas.ports.ledger.RunRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a {@link ReportData} as one self-contained HTML page: inline CSS, SVG charts, no script to run and nothing
 * fetched when it is opened. Each chart's numbers are in its elements' {@code data-*} attributes and, all together,
 * in the {@code <script type="application/json" id="atlas-report-data">} block.
 */
public final class HtmlReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#f9fafb;margin:0}
            main{max-width:1120px;margin:0 auto;padding:24px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}h3{font-size:14px;margin:12px 0 4px}
            .meta{color:#4b5563}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
            .card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 14px;min-width:120px}
            .card b{display:block;font-size:20px}.card span{color:#6b7280;font-size:12px}
            figure{background:#fff;border:1px solid #e5e7eb;border-radius:8px;margin:0 0 12px;padding:12px}
            figcaption{font-weight:600;margin-bottom:4px}.grid2{display:grid;grid-template-columns:1fr 1fr;gap:12px}
            svg.chart{width:100%;height:auto;display:block}svg.chart.bars{max-width:520px}svg .grid{stroke:#e5e7eb}svg text{font-size:11px;fill:#374151}
            svg .reprocessed{fill:#fde68a;opacity:.55}svg .label{font-size:12px}
            .legend{display:flex;flex-wrap:wrap;gap:12px;font-size:12px;color:#374151}
            .legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
            table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
            th,td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f3f4f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .PASS,.SUCCEEDED{color:#047857}.WARN,.RUNNING{color:#b45309}.FAIL,.FAILED{color:#b91c1c;font-weight:600}
            .dur{display:inline-block;height:8px;background:#93c5fd;margin-right:6px;vertical-align:middle}
            .scroll{max-height:520px;overflow:auto}#days td:first-child,#runs td:nth-child(-n+5){white-space:nowrap}
            """;

    private final ObjectNode charts = JSON.createObjectNode();

    private HtmlReport() {}

    public static String render(ReportData data) {
        return new HtmlReport().page(data);
    }

    private String page(ReportData data) {
        List<LocalDate> days = data.days().stream().map(ReportData.Day::date).toList();
        Set<LocalDate> reprocessed = data.days().stream().filter(ReportData.Day::reprocessed).map(ReportData.Day::date)
                .collect(Collectors.toCollection(TreeSet::new));
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                + "<title>Atlas report " + data.from() + " to " + data.to() + "</title><style>" + CSS + "</style></head><body><main>");
        html.append("<h1>Atlas lake report</h1><div class=\"meta\">").append(Html.escape(data.lake())).append(" · ")
                .append(data.from()).append(" to ").append(data.to()).append(" · generated ").append(data.generatedAt()).append("</div>");
        cards(html, data, reprocessed);

        html.append("<h2>Daily totals</h2>");
        figure(html, "Events per day (shaded: reprocessed days)", lines("chart-totals", data, days, reprocessed,
                List.of(column("total_requests", DailyActivity::totalRequests), column("error_count", DailyActivity::errorCount)), false),
                legend(List.of("total_requests", "error_count")));
        figure(html, "Error rate (error_count / total_requests)", lines("chart-error-rate", data, days, reprocessed,
                List.of(new Column("error_rate", a -> a.totalRequests() == 0 ? null : (double) a.errorCount() / a.totalRequests())),
                true), "");

        html.append("<h2>Rejects</h2>");
        List<String> reasons = new ArrayList<>(data.days().stream().flatMap(d -> d.rejectsByReason().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new)));
        List<SortedMap<String, Long>> stacks = data.days().stream().map(ReportData.Day::rejectsByReason).toList();
        ObjectNode stacked = charts.putObject("chart-rejects");
        for (int i = 0; i < days.size(); i++) {
            ObjectNode day = stacked.putObject(days.get(i).toString());
            stacks.get(i).forEach(day::put);
        }
        figure(html, "Rejected records per day, by reason code", Svg.stacked("chart-rejects", days, stacks, reasons), legend(reasons));
        figure(html, "File-level rejects by reason (all files ever rejected at ingestion)",
                bars("chart-file-rejects", data.fileRejectsByReason()), "");

        data.chosenDay().ifPresent(day -> {
            html.append("<h2>Day ").append(day.date()).append("</h2><div class=\"grid2\">");
            figure(html, "Requests by device", bars("chart-device", day.requestsByDevice()), "");
            figure(html, "Requests by type", bars("chart-type", day.requestsByType()), "");
            figure(html, "Requests by app", bars("chart-app", day.requestsByApp()), "");
            figure(html, "Errors by code", bars("chart-errors-by-code", day.errorsByCode()), "");
            html.append("</div>");
        });

        html.append("<h2>Days</h2>").append(ReportTables.days(data));
        html.append("<h2>Run history</h2>").append(ReportTables.runs(data));
        html.append("<script type=\"application/json\" id=\"atlas-report-data\">").append(json(data)).append("</script>");
        return html.append("</main></body></html>\n").toString();
    }

    private record Column(String name, Function<DailyActivity, Double> value) {}

    private static Column column(String name, Function<DailyActivity, Long> value) {
        return new Column(name, a -> (double) value.apply(a));
    }

    private String lines(String chart, ReportData data, List<LocalDate> days, Set<LocalDate> marked, List<Column> columns,
            boolean percent) {
        List<Svg.Series> series = new ArrayList<>();
        ObjectNode node = charts.putObject(chart);
        for (Column column : columns) {
            List<Double> values = new ArrayList<>();
            ObjectNode byDay = node.putObject(column.name());
            for (ReportData.Day day : data.days()) {
                Double value = day.activity().map(column.value()).orElse(null);
                values.add(value);
                if (value != null) {
                    byDay.put(day.date().toString(), value);
                }
            }
            series.add(new Svg.Series(column.name(), values));
        }
        node.putArray("reprocessed").addAll(marked.stream().map(d -> JSON.getNodeFactory().textNode(d.toString())).toList());
        return Svg.lines(chart, days, series, marked, percent);
    }

    private String bars(String chart, Map<String, Long> values) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        ObjectNode node = charts.putObject(chart);
        sorted.forEach(node::put);
        return Svg.bars(chart, sorted);
    }

    private static void figure(StringBuilder html, String caption, String svg, String legend) {
        html.append("<figure><figcaption>").append(Html.escape(caption)).append("</figcaption>").append(svg).append(legend)
                .append("</figure>");
    }

    private static String legend(List<String> names) {
        StringBuilder html = new StringBuilder("<div class=\"legend\">");
        for (int i = 0; i < names.size(); i++) {
            html.append("<span><i style=\"background:").append(Svg.PALETTE.get(i % Svg.PALETTE.size())).append("\"></i>")
                    .append(Html.escape(names.get(i))).append("</span>");
        }
        return html.append("</div>").toString();
    }

    private static void cards(StringBuilder html, ReportData data, Set<LocalDate> reprocessed) {
        long requests = data.days().stream().flatMap(d -> d.activity().stream()).mapToLong(DailyActivity::totalRequests).sum();
        long errors = data.days().stream().flatMap(d -> d.activity().stream()).mapToLong(DailyActivity::errorCount).sum();
        long rejected = data.days().stream().flatMap(d -> d.activity().stream()).mapToLong(DailyActivity::rejectedRecords).sum();
        long pending = data.days().stream().filter(ReportData.Day::pending).count();
        long tripped = data.days().stream().flatMap(d -> d.lastSuccess().stream()).filter(d -> !d.tripped().isEmpty()).count();
        html.append("<div class=\"cards\">");
        card(html, Long.toString(data.days().stream().filter(d -> d.activity().isPresent()).count()) + " / " + data.days().size(),
                "days with data");
        card(html, String.format(Locale.ROOT, "%,d", requests), "access events");
        card(html, String.format(Locale.ROOT, "%,d", errors), "error events");
        card(html, String.format(Locale.ROOT, "%,d", rejected), "rejected records");
        card(html, Integer.toString(reprocessed.size()), "reprocessed days");
        card(html, Long.toString(pending), "pending days");
        card(html, Long.toString(tripped), "days with tripped gates");
        html.append("</div>");
    }

    private static void card(StringBuilder html, String value, String label) {
        html.append("<div class=\"card\"><b>").append(Html.escape(value)).append("</b><span>").append(label).append("</span></div>");
    }

    private String json(ReportData data) {
        ObjectNode root = JSON.createObjectNode();
        root.put("lake", data.lake());
        root.put("from", data.from().toString());
        root.put("to", data.to().toString());
        root.put("generated_at", data.generatedAt().toString());
        root.put("chosen_day", data.chosenDay().map(d -> d.date().toString()).orElse(null));
        root.set("charts", charts);
        var days = root.putArray("days");
        for (ReportData.Day day : data.days()) {
            ObjectNode node = days.addObject();
            node.put("date", day.date().toString());
            node.put("pending", day.pending());
            node.put("reprocessed", day.reprocessed());
            node.put("last_run_state", day.lastRun().map(r -> r.state().name()).orElse(null));
            node.put("gates", day.lastSuccess().map(d -> d.gateStatus().name()).orElse(null));
            var tripped = node.putArray("tripped_gates");
            day.lastSuccess().ifPresent(d -> d.tripped().forEach(g -> tripped.add(g.toString())));
        }
        var runs = root.putArray("runs");
        for (RunRecord run : data.runs()) {
            ObjectNode node = runs.addObject();
            node.put("run_id", run.runId().value());
            node.put("kind", run.kind().wireName());
            node.put("date", run.processDate().map(Object::toString).orElse(null));
            node.put("state", run.state().name());
            node.put("started_at", run.startedAt().toString());
            node.put("duration_ms", run.endedAt().map(e -> Duration.between(run.startedAt(), e).toMillis()).orElse(null));
            Optional.ofNullable(data.details().get(run.runId().value())).flatMap(RunDetails::change)
                    .ifPresent(c -> node.put("change", c.diff().summary()));
        }
        try {
            // "<" escaped so no value can close the script element
            return JSON.writeValueAsString(root).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the report data", e);
        }
    }

    /** The step that failed, for the run history. */
    static String failure(RunRecord run) {
        return run.failedStep().map(s -> s.name().wireName()).orElse("");
    }

    static String gates(Optional<RunDetails> details) {
        return details.map(d -> d.gateStatus().name()).orElse("-");
    }

    static String tripped(Optional<RunDetails> details) {
        return details.map(d -> d.tripped().stream().map(GateOutcome::toString).collect(Collectors.joining("; "))).orElse("");
    }
}
