package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.generate.GeneratorSettings;
import io.atlas.app.generate.LogGenerator;
import io.atlas.domain.schedule.DateRange;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes realistic sample logs of all three formats into raw/: per day an NDJSON access log, a "
                + "gzip'd JSON API log (half as many records) and an XML error log (a fifth), with a share of bad "
                + "records of every kind and, unless --no-bad-files, one file of each file-level reject."})
final class GenerateCommand extends LakeCommand {
    @Option(names = "--from", defaultValue = "2024-11-29", paramLabel = "YYYY-MM-DD", description = "First day (default: ${DEFAULT-VALUE}).")
    LocalDate from;

    @Option(names = "--to", defaultValue = "2024-11-30", paramLabel = "YYYY-MM-DD", description = "Last day (default: ${DEFAULT-VALUE}).")
    LocalDate to;

    @Option(names = "--records", defaultValue = "1000", description = "NDJSON records per day (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--bad-share", defaultValue = "0.02", description = "Share of bad records, 0-1 (default: ${DEFAULT-VALUE}).")
    double badShare;

    @Option(names = "--bad-files", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also write one file of each file-level reject (default: ${DEFAULT-VALUE}).")
    boolean badFiles;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        GeneratorSettings settings;
        try {
            settings = new GeneratorSettings(new DateRange(from, to), records, badShare, badFiles, seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Atlas atlas = root.open(AtlasCli.Need.CREATE)) {
            LogGenerator.Summary summary = new LogGenerator(atlas.store()).generate(settings);
            out.println("Generated " + summary.files() + " files in " + root.lakeLocation() + "/raw" + ": " + summary.records()
                    + " records (" + summary.badRecords() + " bad), " + summary.badFiles() + " bad files");
            return AtlasCli.OK;
        }
    }
}
