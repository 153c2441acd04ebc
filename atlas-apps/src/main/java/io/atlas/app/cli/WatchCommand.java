package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.service.IngestReport;
import io.atlas.app.service.RunContexts;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.storage.ObjectInfo;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Ingests files as they arrive under raw/ (the local stand-in for S3 events).",
            "A file is taken once its size and modification time have not changed for --settle-ms, so files still "
                + "being written are left alone. Stops on Ctrl-C."})
final class WatchCommand implements Callable<Integer> {
    @ParentCommand
    AtlasCli root;

    @Spec
    CommandSpec spec;

    @Option(names = "--interval-ms", defaultValue = "1000", description = "Polling interval (default: ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Option(names = "--settle-ms", defaultValue = "1000", description = "How long a file must be unchanged (default: ${DEFAULT-VALUE}).")
    long settleMillis;

    @Option(names = "--polls", description = "Stop after this many polls (default: run until stopped).")
    Long polls;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        AtomicBoolean stop = new AtomicBoolean();
        Thread hook = new Thread(() -> stop.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        Map<ObjectKey, ObjectInfo> seen = new HashMap<>();
        boolean failures = false;
        try (Atlas atlas = root.open()) {
            out.println("Watching " + root.lake + "/" + LakeLayout.RAW + " (Ctrl-C to stop)");
            out.flush();
            RunContexts contexts = atlas.component(RunContexts.class);
            for (long poll = 1; !stop.get() && (polls == null || poll <= polls); poll++) {
                Instant now = contexts.now();
                List<ObjectKey> ready = new ArrayList<>();
                Map<ObjectKey, ObjectInfo> current = new HashMap<>();
                for (ObjectInfo object : atlas.store().list(LakeLayout.RAW)) {
                    current.put(object.key(), object);
                    ObjectInfo before = seen.get(object.key());
                    boolean unchanged = before != null && before.size() == object.size()
                            && before.lastModified().equals(object.lastModified());
                    if (unchanged && object.lastModified().plusMillis(settleMillis).isBefore(now)) {
                        ready.add(object.key());
                    }
                }
                seen.clear();
                seen.putAll(current);
                if (!ready.isEmpty()) {
                    IngestReport report = atlas.ingest(ready, (done, total, outcome) -> {
                        out.println(Outputs.outcome(outcome));
                        out.flush();
                    });
                    report.failures().forEach((key, error) -> out.println("failed   " + key + ": " + error));
                    failures |= !report.failures().isEmpty();
                    ready.forEach(seen::remove);
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
}
