package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.quality.RunDetails;
import io.atlas.app.quality.RunDetailsStore;
import io.atlas.domain.quality.GateStatus;
import io.atlas.app.service.PipelineRunner;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.ledger.RunState;
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

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline for a date: normalize -> crawl logs -> aggregate -> crawl daily_activity.",
            "Stops at the first failed step, records it in rejected/system/glue/ and exits 1.",
            "Then checks the day's quality gates (atlas.gates.*): a tripped 'fail' gate exits 1 after publishing.",
            "With --pending, runs every day whose input changed since its last successful run, oldest first."})
final class RunCommand extends LakeCommand {
    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The process date (UTC day).")
    LocalDate date;

    @Option(names = "--pending", description = "Run every pending day instead of one date.")
    boolean pending;

    @Option(names = "--validate", description = "Reconcile the day after the run (atlas validate) as a last step.")
    boolean validate;

    @Override
    public Integer call() {
        if ((date == null) == !pending) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --date YYYY-MM-DD or --pending");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Atlas atlas = root.open()) {
            List<LocalDate> dates = pending ? new ArrayList<>(atlas.pendingDays()) : List.of(date);
            if (dates.isEmpty()) {
                out.println("No pending days.");
                return AtlasCli.OK;
            }
            boolean allSucceeded = true;
            Progress progress = Progress.of(spec.commandLine().getErr(), "run", "days", dates.size());
            int done = 0;
            for (LocalDate day : dates) {
                progress.advance(done++);
                boolean input = hasValidatedInput(atlas, day);
                RunRecord run;
                try {
                    run = atlas.run(day, validate, new PipelineRunner.Listener() {
                        @Override
                        public void stepStarted(LocalDate d, StepName step) {
                            out.println(d + " " + step + " ...");
                            out.flush();
                        }
                    });
                } catch (RunConflictException e) {
                    spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
                    allSucceeded = false;
                    continue;
                }
                out.println();
                out.print(Outputs.steps(run));
                out.println("Run " + run.runId() + " for " + day + ": " + run.state() + " in " + Outputs.duration(run));
                java.util.Optional<RunDetails> details = atlas.component(RunDetailsStore.class).find(run.runId().value());
                if (details.isPresent()) {
                    details.get().change().ifPresent(change -> out.println("Changed since run " + change.previousRunId() + ": "
                            + change.diff().summary()));
                    details.get().tripped().forEach(gate -> out.println("Quality gate " + gate));
                    if (details.get().gateStatus() == GateStatus.FAIL) {
                        allSucceeded = false;
                    }
                }
                if (run.state() == RunState.SUCCEEDED && !input) {
                    spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: " + day + " has no validated input "
                            + "(nothing was ingested for this day), so its row is all zeros; check the producer, then "
                            + "'atlas ingest' and run it again");
                    spec.commandLine().getErr().flush();
                }
                if (run.state() != RunState.SUCCEEDED) {
                    allSucceeded = false;
                    run.failedStep().map(StepRecord::name)
                            .ifPresent(step -> out.println("Failure recorded in rejected/system/glue/" + step + "/" + day
                                    + "/" + run.runId() + ".json"));
                }
                out.flush();
            }
            progress.finish(done);
            return allSucceeded ? AtlasCli.OK : AtlasCli.FAILED;
        }
    }

    /** Whether any file of any format sits under validated/ for the day. */
    static boolean hasValidatedInput(Atlas atlas, LocalDate day) {
        for (io.atlas.domain.lake.LogFormat format : io.atlas.domain.lake.LogFormat.values()) {
            if (!atlas.store().list(io.atlas.domain.lake.LakeLayout.validatedDayPrefix(format, day)).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
