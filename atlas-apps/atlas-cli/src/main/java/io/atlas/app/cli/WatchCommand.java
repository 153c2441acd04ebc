package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.service.Arrivals;
import io.atlas.app.service.IngestReport;
import io.atlas.app.service.OperationSettings;
import io.atlas.app.service.RunContexts;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Ingests files as they arrive under raw/ (the local stand-in for S3 events).",
            "A file is taken once its size and modification time have not changed for the quiet period "
                + "(--quiet-period, setting atlas.ingest.quiet-period, default 5s), so files still being written are left "
                + "alone; names producers use while writing (leading '.' or '_', .tmp, .part, ._COPYING_) are never taken. "
                + "Stops on Ctrl-C."})
final class WatchCommand extends LakeCommand {
    @Option(names = "--interval-ms", defaultValue = "1000", description = "Polling interval (default: ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Option(names = "--quiet-period", description = "How long a file must be unchanged: 500ms, 5s, 2m "
            + "(default: atlas.ingest.quiet-period, 5s).")
    String quietPeriod;

    @Option(names = "--settle-ms", hidden = true, description = "The quiet period in milliseconds (older spelling).")
    Long settleMillis;

    @Option(names = "--polls", description = "Stop after this many polls (default: run until stopped).")
    Long polls;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean stop = new AtomicBoolean();
        Thread hook = new Thread(() -> stop.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        boolean failures = false;
        try (Atlas atlas = root.open(AtlasCli.Need.LAKE_OR_RAW)) {
            Arrivals arrivals = new Arrivals(quietPeriod(atlas.operations().quietPeriod()));
            out.println("Watching " + root.lakeLocation() + "/" + LakeLayout.RAW + " (Ctrl-C to stop)");
            out.flush();
            RunContexts contexts = atlas.component(RunContexts.class);
            for (long poll = 1; !stop.get() && (polls == null || poll <= polls); poll++) {
                List<ObjectKey> ready = arrivals.poll(atlas.store().list(LakeLayout.RAW), contexts.now());
                if (!ready.isEmpty()) {
                    IngestReport report = atlas.ingest(ready, (done, total, outcome) -> {
                        out.println(Outputs.outcome(outcome));
                        out.flush();
                    });
                    report.failures().forEach((key, error) -> out.println("failed   " + key + ": " + error));
                    failures |= !report.failures().isEmpty();
                }
                if (polls == null || poll < polls) {
                    Thread.sleep(intervalMillis);
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook has done its job
            }
        }
        return failures ? AtlasCli.FAILED : AtlasCli.OK;
    }

    private Duration quietPeriod(Duration configured) {
        if (quietPeriod != null) {
            return OperationSettings.parse("--quiet-period", quietPeriod);
        }
        return settleMillis != null ? Duration.ofMillis(settleMillis) : configured;
    }
}
