package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.service.ValidationReport;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Reconciles a day: per validated file, records read = processed + rejected + other-day; "
                + "catalog partitions = committed partitions; the gold row = an aggregate of the processed rows; "
                + "no uncommitted files. Exits 1 on any breach."})
final class ValidateCommand extends LakeCommand {
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The process date.")
    LocalDate date;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Atlas atlas = root.open()) {
            ValidationReport report = atlas.validate(date);
            out.print(TextTable.render(List.of("check", "result", "detail"), report.checks().stream()
                    .map(c -> List.of(c.name(), c.passed() ? "ok" : "BREACH", c.detail())).toList()));
            out.println(date + ": " + (report.passed() ? "valid" : report.breaches().size() + " breach(es)"));
            return report.passed() ? AtlasCli.OK : AtlasCli.FAILED;
        }
    }
}
