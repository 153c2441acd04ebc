package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.generate.GeneratorSettings;
import io.atlas.app.generate.LogGenerator;
import io.atlas.app.service.IngestReport;
import io.atlas.domain.schedule.DateRange;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.query.QueryResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The whole pipeline on a fresh lake: generate two days of logs (with bad records and files), "
                + "ingest, run every day they touch, print daily_activity and a summary of rejects, and write the HTML report."})
final class DemoCommand extends LakeCommand {
    @Option(names = "--dir", paramLabel = "DIR", description = "Where to create the demo lake (default: --lake if given, else a new temporary folder).")
    Path dir;

    @Option(names = "--records", defaultValue = "1000", description = "NDJSON records per day (default: ${DEFAULT-VALUE}).")
    int records;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path lake = dir != null ? dir : root.lakeGiven() ? Path.of(root.lakeLocation()) : Files.createTempDirectory("atlas-demo-");
        try (Atlas atlas = root.open(lake, AtlasCli.Need.CREATE)) {
            out.println("Demo lake: " + lake.toAbsolutePath());
            LogGenerator.Summary generated = new LogGenerator(atlas.store()).generate(new GeneratorSettings(
                    new DateRange(LocalDate.of(2024, 11, 29), LocalDate.of(2024, 11, 30)), records, 0.02, true, 42));
            out.println("1. generate: " + generated.files() + " files, " + generated.records() + " records");
            IngestReport ingested = atlas.ingest();
            out.println("2. ingest:   " + ingested.routed() + " files routed to " + ingested.days() + ", "
                    + ingested.rejected() + " rejected " + ingested.rejectsByReason());
            boolean ok = true;
            for (LocalDate day : ingested.days()) {
                RunRecord run = atlas.run(day);
                ok &= run.state() == RunState.SUCCEEDED;
                out.println("3. run " + day + ": " + run.state() + " in " + Outputs.duration(run));
            }
            out.flush();
            QueryResult table = atlas.query("SELECT date, total_requests, error_count, client_error_count, "
                    + "server_error_count, unique_ips, duplicate_records, rejected_records, "
                    + "CAST(error_count AS DOUBLE) / total_requests AS error_rate "
                    + "FROM log_analytics_db.daily_activity ORDER BY date");
            out.println();
            out.print(QueryOutput.render(table, QueryOutput.Format.table));
            QueryResult reasons = atlas.query("SELECT reason_code, COUNT(*) AS n FROM log_analytics_db.data_quality_rejects "
                    + "GROUP BY reason_code ORDER BY n DESC, reason_code");
            long rows = reasons.rows().stream().mapToLong(r -> (Long) r.get(1)).sum();
            out.println("Rejected: " + rows + " rows (" + reasons.rows().stream().map(r -> r.get(0) + " " + r.get(1))
                    .collect(Collectors.joining(", ")) + "), " + ingested.rejected() + " files ("
                    + ingested.rejectsByReason().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")) + ")");
            out.println("Explore it: ./atlas --lake " + lake.toAbsolutePath() + " query \"SELECT * FROM log_analytics_db.daily_activity\"");
            Path report = ReportCommand.write(atlas, java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.of(LocalDate.of(2024, 11, 30)),
                    lake.resolve("report.html"));
            out.println("Report: " + report.toAbsolutePath());
            return ok ? AtlasCli.OK : AtlasCli.FAILED;
        }
    }

}
