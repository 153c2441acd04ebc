package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.quality.RunDetails;
import io.atlas.app.quality.RunDetailsStore;
import io.atlas.domain.quality.DayDiff;
import io.atlas.domain.quality.InputFile;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What a reprocessing changed between two successful runs of a day (default: the last two): input "
                + "files added, removed or replaced (by content hash), every column of the daily_activity row that moved "
                + "(map entries as column[key]), and rejects by reason."})
final class DiffCommand extends LakeCommand {
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day.")
    LocalDate date;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "The earlier and the later run (give both or neither).")
    List<String> runs = new ArrayList<>();

    @Override
    public Integer call() {
        if (!runs.isEmpty() && runs.size() != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --run twice (the earlier and the later run) or not at all");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Atlas atlas = root.open()) {
            RunDetailsStore store = atlas.component(RunDetailsStore.class);
            List<RunDetails> successful = new ArrayList<>();
            for (RunRecord run : atlas.runs()) {
                if (run.state() == RunState.SUCCEEDED && run.kind() == io.atlas.ports.ledger.RunKind.PIPELINE && run.processDate().equals(Optional.of(date))) {
                    store.find(run.runId().value()).ifPresent(successful::add);
                }
            }
            RunDetails before;
            RunDetails after;
            if (runs.isEmpty()) {
                if (successful.size() < 2) {
                    err.println(spec.qualifiedName() + ": Cannot diff " + date + ": it has " + successful.size()
                            + " successful run(s) with recorded inputs; a diff needs two");
                    return AtlasCli.FAILED;
                }
                before = successful.get(successful.size() - 2);
                after = successful.get(successful.size() - 1);
            } else {
                Optional<RunDetails> a = find(successful, runs.get(0));
                Optional<RunDetails> b = find(successful, runs.get(1));
                if (a.isEmpty() || b.isEmpty()) {
                    err.println(spec.qualifiedName() + ": Cannot diff " + date + ": run " + (a.isEmpty() ? runs.get(0) : runs.get(1))
                            + " is not a successful run of the day with recorded inputs");
                    return AtlasCli.FAILED;
                }
                before = a.get();
                after = b.get();
            }
            out.print(render(before, after));
            return AtlasCli.OK;
        }
    }

    private static Optional<RunDetails> find(List<RunDetails> runs, String runId) {
        return runs.stream().filter(r -> r.runId().equals(runId)).findFirst();
    }

    static String render(RunDetails before, RunDetails after) {
        DayDiff diff = DayDiff.between(before.snapshot(), after.snapshot());
        StringBuilder text = new StringBuilder();
        text.append(after.date()).append(": run ").append(before.runId()).append(" -> run ").append(after.runId()).append('\n');
        text.append(diff.summary()).append("\n\n");
        List<List<String>> files = new ArrayList<>();
        for (DayDiff.FileChange change : diff.files()) {
            files.add(List.of(change.name(), change.kind().name().toLowerCase(java.util.Locale.ROOT),
                    hash(before.snapshot().inputs().get(change.name())), hash(after.snapshot().inputs().get(change.name()))));
        }
        text.append("Input files (").append(after.snapshot().inputs().size()).append(" now, ").append(files.size()).append(" changed)\n");
        if (!files.isEmpty()) {
            text.append(TextTable.render(List.of("file", "change", "sha256_before", "sha256_after"), files));
        }
        text.append("\ndaily_activity\n").append(deltas("column", diff.columns()));
        text.append("\nRejects by reason\n").append(deltas("reason_code", diff.rejects()));
        return text.toString();
    }

    private static String hash(InputFile file) {
        return file == null ? "-" : file.sha256().substring(0, 12);
    }

    private static String deltas(String heading, List<DayDiff.Delta> deltas) {
        if (deltas.isEmpty()) {
            return "(no change)\n";
        }
        List<List<String>> rows = new ArrayList<>();
        for (DayDiff.Delta d : deltas) {
            rows.add(List.of(d.name(), Long.toString(d.before()), Long.toString(d.after()),
                    (d.change() > 0 ? "+" : "") + d.change()));
        }
        return TextTable.render(List.of(heading, "before", "after", "change"), rows);
    }
}
