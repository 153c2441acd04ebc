package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.quality.RunDetailsStore;
import io.atlas.app.report.HtmlReport;
import io.atlas.app.report.ReportData;
import io.atlas.app.report.ReportReader;
import io.atlas.app.service.DayChangeLog;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.ledger.RunLedger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML page of the lake (no network access when viewed): daily totals and "
                + "error rate with reprocessed days marked, rejects by reason, one day's breakdowns, per-day run state, "
                + "pending and quality gates, and the run history with durations and what each rerun changed."})
final class ReportCommand extends LakeCommand {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (default: the first day the lake knows).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (default: the last day the lake knows).")
    LocalDate to;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The day to break down (default: the last day with data).")
    LocalDate day;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "atlas-report.html", description = "Where to write it (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (Atlas atlas = root.open()) {
            Path written = write(atlas, Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(day), out);
            spec.commandLine().getOut().println("Report written to " + written.toAbsolutePath());
            return AtlasCli.OK;
        }
    }

    /** Reads the lake and writes the page to {@code target}; {@code demo} calls it too. */
    static Path write(Atlas atlas, Optional<LocalDate> from, Optional<LocalDate> to, Optional<LocalDate> day, Path target)
            throws IOException {
        ReportReader reader = new ReportReader(atlas.store(), atlas.component(DatasetStore.class), atlas.component(RunLedger.class),
                atlas.component(DayChangeLog.class), atlas.component(RunDetailsStore.class));
        ReportData data = reader.read(atlas.settings().lake(), from, to, day, atlas.component(Clock.class).instant());
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(target, HtmlReport.render(data), StandardCharsets.UTF_8);
        return target;
    }
}
