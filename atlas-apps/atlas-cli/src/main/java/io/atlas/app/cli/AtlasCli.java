package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.AtlasSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code atlas}: the command line over {@link Atlas}. Exit codes: 0 success, 1 failure, 2 bad arguments. */
@Command(name = "atlas", mixinStandardHelpOptions = true, version = "Atlas 0.1.0",
        description = "Batch log analytics on a data lake: ingest raw logs, normalize and aggregate days, query the catalog.",
        subcommands = {DemoCommand.class, GenerateCommand.class, IngestCommand.class, WatchCommand.class,
            RunCommand.class, BackfillCommand.class, ScheduleCommand.class, StatusCommand.class, RunsCommand.class,
            QueryCommand.class, ValidateCommand.class, DiffCommand.class, ReportCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        commandListHeading = "%nCommands:%n")
public final class AtlasCli implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Option(names = "--lake", scope = ScopeType.INHERIT, paramLabel = "DIR|s3://bucket/prefix", defaultValue = "./atlas-lake",
            description = "The lake: a directory or s3://bucket/prefix (default: ${DEFAULT-VALUE}).")
    String lake;

    @Option(names = "--threads", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Worker threads for normalize (default: one per core).")
    Integer threads;

    @Option(names = "--engine", scope = ScopeType.INHERIT, paramLabel = "local|spark",
            description = "Engine for normalize and aggregate: local (default) or spark.")
    String engine;

    @Option(names = "--spark-master", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Spark master for --engine spark (default: local[*]; e.g. spark://host:7077).")
    String sparkMaster;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A properties file of atlas.* settings (atlas.max-record-bytes, ...).")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** Opens the lake the options name. */
    Atlas open() {
        return open(lake);
    }

    Atlas open(Path directory) {
        return open(directory.toString());
    }

    /** Settings come from -D system properties, then the environment (ATLAS_S3_*), then --config, which wins. */
    Atlas open(String location) {
        Properties properties = new Properties();
        properties.putAll(System.getProperties());
        environment("ATLAS_S3_ENDPOINT", "atlas.s3.endpoint", properties);
        environment("ATLAS_S3_PATH_STYLE_ACCESS", "atlas.s3.path-style-access", properties);
        environment("AWS_REGION", "atlas.s3.region", properties);
        if (config != null) {
            try (InputStream in = Files.newInputStream(config)) {
                properties.load(in);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "cannot read --config " + config + ": " + e.getMessage());
            }
        }
        Atlas.Builder builder = Atlas.builder().lake(location).properties(properties);
        if (engine != null || sparkMaster != null) {
            try {
                builder.engine(AtlasSettings.engine(engine == null ? properties.getProperty("atlas.engine", "local") : engine),
                        sparkMaster != null ? sparkMaster
                                : properties.getProperty("atlas.spark.master", AtlasSettings.DEFAULT_SPARK_MASTER));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (threads != null) {
            if (threads < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
            }
            builder.threads(threads);
        }
        return builder.build();
    }

    private static void environment(String variable, String key, Properties properties) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank() && !properties.containsKey(key)) {
            properties.setProperty(key, value);
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line, writing to {@code out} and {@code err}; returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new AtlasCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(LocalDate.class, AtlasCli::date);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                    + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            err.println(command.getCommandSpec().qualifiedName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            err.flush();
            return e instanceof IllegalArgumentException ? USAGE : FAILED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }
}
