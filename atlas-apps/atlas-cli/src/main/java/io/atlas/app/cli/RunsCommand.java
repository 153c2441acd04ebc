package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.quality.RunDetails;
import io.atlas.app.quality.RunDetailsStore;
import io.atlas.ports.ledger.RunRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "Lists the run ledger, newest last, with each successful run's quality gates and what it changed.")
final class RunsCommand extends LakeCommand {
    @Option(names = "--limit", defaultValue = "20", description = "Show the last N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    QueryOutput.Format format;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Atlas atlas = root.open()) {
            List<RunRecord> runs = atlas.runs();
            runs = runs.subList(Math.max(0, runs.size() - limit), runs.size());
            if (format == QueryOutput.Format.json) {
                out.print(RunJson.render(runs));
                return AtlasCli.OK;
            }
            RunDetailsStore details = atlas.component(RunDetailsStore.class);
            List<List<String>> rows = new ArrayList<>();
            for (RunRecord run : runs) {
                String failure = run.failedStep().map(s -> s.name().wireName()).orElse("");
                java.util.Optional<RunDetails> detail = run.state() == io.atlas.ports.ledger.RunState.SUCCEEDED
                        ? details.find(run.runId().value()) : java.util.Optional.empty();
                rows.add(List.of(run.runId().value(), run.kind().wireName(), run.processDate().map(Object::toString).orElse(""),
                        run.state().name(), run.startedAt().toString(), Outputs.duration(run), failure,
                        detail.map(d -> d.gateStatus().name()).orElse(""),
                        detail.flatMap(RunDetails::change).map(c -> c.diff().summary()).orElse("")));
            }
            List<String> headers = List.of("run_id", "kind", "date", "state", "started", "time", "failed_step", "gates", "change");
            out.print(format == QueryOutput.Format.csv ? QueryOutput.csv(headers, rows) : TextTable.render(headers, rows));
            if (runs.isEmpty() && format == QueryOutput.Format.table) {
                out.println("No runs yet: nothing has been run; 'atlas run --pending' runs the days ingestion touched.");
            }
            return AtlasCli.OK;
        }
    }
}
