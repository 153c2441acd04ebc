package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.service.BackfillReport;
import io.atlas.app.service.PipelineRunner;
import io.atlas.domain.schedule.DateRange;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.CountKey;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.ledger.StepRecord;
import io.atlas.ports.lock.RunConflictException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline for every date of a range, in order, then prints a summary table.",
            "A failed date does not stop the others; the command exits 1 if any date failed."})
final class BackfillCommand extends LakeCommand {
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First date (inclusive).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last date (inclusive).")
    LocalDate to;

    @Option(names = "--validate", description = "Reconcile each day after its run.")
    boolean validate;

    @Override
    public Integer call() {
        DateRange range;
        try {
            range = new DateRange(from, to);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        List<RunRecord> runs = new ArrayList<>();
        int conflicts = 0;
        try (Atlas atlas = root.open()) {
            int index = 0;
            Progress progress = Progress.of(spec.commandLine().getErr(), "backfill", "days", (int) range.length());
            for (LocalDate date : range.days()) {
                progress.advance(index);
                index++;
                out.print("[" + index + "/" + range.length() + "] " + date + " ");
                out.flush();
                RunRecord run;
                try {
                    run = atlas.run(date, validate, new PipelineRunner.Listener() {
                        @Override
                        public void stepEnded(LocalDate d, StepRecord step) {
                            out.print(step.state() == RunState.SUCCEEDED ? "." : "!");
                            out.flush();
                        }
                    });
                } catch (RunConflictException e) {
                    out.println(" SKIPPED: " + e.getMessage());
                    conflicts++;
                    continue;
                }
                runs.add(run);
                out.println(" " + run.state() + " (" + Outputs.duration(run) + ")");
                out.flush();
            }
            progress.finish(index);
        }
        BackfillReport report = new BackfillReport(runs);
        List<List<String>> rows = new ArrayList<>();
        for (RunRecord run : runs) {
            StepRecord normalize = run.step(StepName.NORMALIZE).orElseThrow();
            StepRecord aggregate = run.step(StepName.AGGREGATE).orElseThrow();
            String failure = run.failedStep().map(s -> s.name().wireName() + ": " + s.error().orElse("")).orElse("");
            rows.add(List.of(run.processDate().map(Object::toString).orElse(""), run.state().name(),
                    count(normalize, CountKey.PROCESSED), count(normalize, CountKey.REJECTED),
                    count(aggregate, CountKey.TOTAL_REQUESTS), count(aggregate, CountKey.ERROR_COUNT), Outputs.duration(run), failure));
        }
        out.println();
        out.print(TextTable.render(List.of("date", "state", "processed", "rejected", "total_requests", "error_count",
                "time", "failure"), rows));
        out.println(range.length() + " dates: " + (runs.size() - report.failed()) + " succeeded, " + report.failed() + " failed"
                + (conflicts == 0 ? "" : ", " + conflicts + " already running elsewhere"));
        return report.succeeded() && conflicts == 0 ? AtlasCli.OK : AtlasCli.FAILED;
    }

    private static String count(StepRecord step, CountKey key) {
        return step.count(key).map(Object::toString).orElse("-");
    }
}
