package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.service.IngestReport;
import io.atlas.app.service.OperationSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Routes every file under raw/ to validated/ by the UTC days of its events, archives it, "
                + "or rejects it to rejected/system/lambda/ with a .error.json (SPEC §2).",
            "Names producers use while writing (leading '.' or '_', .tmp, .part, ._COPYING_) are left alone; with "
                + "--quiet-period, so are files modified more recently than that.",
            "Exits 1 if a file could not be read (it stays in raw/ for the next attempt)."})
final class IngestCommand extends LakeCommand {
    @Option(names = {"-q", "--quiet"}, description = "Print only the summary.")
    boolean quiet;

    @Option(names = "--quiet-period", description = "Leave files modified less than this long ago (500ms, 5s, 2m) for "
            + "a later ingest.")
    String quietPeriod;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Atlas atlas = root.open(AtlasCli.Need.LAKE_OR_RAW)) {
            Duration period = quietPeriod == null ? Duration.ZERO : OperationSettings.parse("--quiet-period", quietPeriod);
            Progress[] progress = new Progress[1];
            IngestReport report = atlas.ingestAll(period, (done, total, outcome) -> {
                if (progress[0] == null) {
                    progress[0] = Progress.of(spec.commandLine().getErr(), "ingest", "files", total);
                }
                progress[0].advance(done);
                if (!quiet) {
                    out.println("[" + done + "/" + total + "] " + Outputs.outcome(outcome));
                    out.flush();
                }
            });
            if (progress[0] != null) {
                progress[0].finish(report.outcomes().size());
            }
            Outputs.summary(out, report);
            return report.failures().isEmpty() ? AtlasCli.OK : AtlasCli.FAILED;
        }
    }
}
