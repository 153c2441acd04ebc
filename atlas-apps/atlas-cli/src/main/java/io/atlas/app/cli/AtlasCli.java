package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.AtlasConfigurationException;
import io.atlas.app.AtlasSettings;
import io.atlas.app.SettingsSources;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.ports.AtlasException;
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
@Command(name = "atlas", mixinStandardHelpOptions = true, versionProvider = AtlasVersion.class,
        description = "Batch log analytics on a data lake: ingest raw logs, normalize and aggregate days, query the catalog.",
        subcommands = {DemoCommand.class, GenerateCommand.class, IngestCommand.class, WatchCommand.class,
            RunCommand.class, BackfillCommand.class, ScheduleCommand.class, StatusCommand.class, RunsCommand.class,
            QueryCommand.class, TablesCommand.class, InitCommand.class, ValidateCommand.class, DiffCommand.class, ReportCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        commandListHeading = "%nCommands:%n")
public final class AtlasCli implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** Where the lake is when {@code --lake} is not given. */
    static final String DEFAULT_LAKE = "./atlas-lake";

    @Option(names = "--lake", scope = ScopeType.INHERIT, paramLabel = "DIR|s3://bucket/prefix",
            description = "The lake: a directory or s3://bucket/prefix (default: " + DEFAULT_LAKE + "). It must be a lake "
                    + "(a folder holding _atlas/ or raw/, or an existing bucket); 'atlas init', 'demo' and 'generate' "
                    + "make one.")
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

    private InputStream stdin = System.in;

    /** Where commands read input ({@code atlas query -}). */
    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** What a command needs of its {@code --lake}. */
    enum Need {
        /** an existing lake (every command that reads or runs) */
        LAKE,
        /** a lake, marked as one if it was only a folder of the layout ({@code ingest}, {@code watch}) */
        LAKE_OR_RAW,
        /** anything that can become a lake ({@code init}, {@code demo}, {@code generate}) */
        CREATE
    }

    /** The {@code --lake} given, or the default. */
    String lakeLocation() {
        return lake != null ? lake : DEFAULT_LAKE;
    }

    /** Whether {@code --lake} was given. */
    boolean lakeGiven() {
        return lake != null;
    }

    /** Opens the lake the options name, which must be a lake. */
    Atlas open() {
        return open(lakeLocation(), Need.LAKE);
    }

    Atlas open(Need need) {
        return open(lakeLocation(), need);
    }

    Atlas open(Path directory, Need need) {
        return open(directory.toString(), need);
    }

    /**
     * Settings come from -D system properties, then the environment (ATLAS_S3_*), then --config, which wins. A
     * location that is not a lake is a usage error (exit 2) with a hint, checked before anything is created there.
     */
    Atlas open(String location, Need need) {
        Properties properties = new Properties();
        properties.putAll(System.getProperties());
        environment("ATLAS_S3_ENDPOINT", "atlas.s3.endpoint", properties);
        environment("ATLAS_S3_PATH_STYLE_ACCESS", "atlas.s3.path-style-access", properties);
        environment("AWS_REGION", "atlas.s3.region", properties);
        if (config != null) {
            properties.putAll(configFile(location));
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
        boolean remote = location.startsWith("s3://") || location.startsWith("s3a://");
        if (!remote) {
            checkLocal(location, need);
        }
        Atlas atlas;
        try {
            atlas = builder.build();
        } catch (AtlasConfigurationException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            boolean isLake = true;
            if (remote) {
                try {
                    isLake = atlas.isLake(); // lists the bucket: a missing or unreadable bucket is not a lake
                } catch (AtlasException e) {
                    throw usage("Cannot open lake " + location + ": " + e.getMessage()
                            + " (the bucket must exist and be readable)");
                }
            }
            if (need != Need.LAKE && (!remote || !isLake)) {
                atlas.init();
            }
            return atlas;
        } catch (RuntimeException e) {
            atlas.close();
            throw e;
        }
    }

    /** A directory location: refused unless it is a lake or (for {@code need}) may become one; nothing is created here. */
    private void checkLocal(String location, Need need) {
        if (location.matches("[A-Za-z][A-Za-z0-9+.-]+:.*") && !location.startsWith("file:")) {
            String hint = location.matches("(?i)s3a?:/*[^/].*")
                    ? " (did you mean " + location.replaceFirst("(?i)^(s3a?):/*", "$1://") + "?)" : "";
            throw usage("Cannot open lake " + location + ": not a directory or s3://bucket/prefix" + hint);
        }
        Path directory;
        try {
            directory = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
        } catch (IllegalArgumentException e) {
            throw usage("Cannot open lake " + location + ": " + e.getMessage());
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw usage("Cannot open lake " + location + ": it is a file, not a lake directory");
        }
        if (need == Need.CREATE || LAKE_FOLDERS.stream().anyMatch(folder -> Files.isDirectory(directory.resolve(folder)))) {
            return;
        }
        if (!Files.exists(directory)) {
            throw usage("Cannot open lake " + location + ": no such directory (create a lake with 'atlas --lake "
                    + location + " init', or try 'atlas demo')");
        }
        throw usage(notALake(location));
    }

    /** A local folder holding one of these is a lake: Atlas's state, or any top-level folder of SPEC §1's layout. */
    static final java.util.List<String> LAKE_FOLDERS = java.util.List.of(LakeLayout.ATLAS_STATE, "raw/", "validated/",
            "processed/", "analytics/", "rejected/", "archive/");

    private static String notALake(String location) {
        return "Cannot open lake " + location + ": not an Atlas lake (no " + LakeLayout.ATLAS_STATE + " or raw/ folder); "
                + "'atlas --lake " + location + " init' makes it one";
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** The --config file's settings, every key known and every value valid, or a usage error naming the file. */
    private Properties configFile(String location) {
        Properties file = new Properties();
        try (InputStream in = Files.newInputStream(config)) {
            file.load(in);
        } catch (IOException e) {
            throw usage("Cannot read --config " + config + ": " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()));
        }
        try {
            SettingsSources.requireKnownKeys(file);
            AtlasSettings.from(location, file);
            io.atlas.app.service.OperationSettings.from(file);
        } catch (IllegalArgumentException e) {
            throw usage("Cannot read --config " + config + ": " + e.getMessage());
        }
        return file;
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
        return execute(args, System.in, out, err);
    }

    /** Runs a command line with {@code in} as its stdin. */
    public static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        AtlasCli root = new AtlasCli();
        root.stdin = in;
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(LocalDate.class, AtlasCli::date);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine command = e.getCommandLine();
            String suggestion = "";
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                suggestion = "; did you mean " + unmatched.getSuggestions().get(0) + "?";
            }
            err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage() + suggestion
                    + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, command, parseResult) -> {
            err.println(command.getCommandSpec().qualifiedName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            err.flush();
            return e instanceof IllegalArgumentException || e instanceof AtlasConfigurationException ? USAGE : FAILED;
        });
        exitCodesInHelp(cli);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Every command's --help ends with the exit codes. */
    private static void exitCodesInHelp(CommandLine cli) {
        cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(EXIT_CODES);
        cli.getSubcommands().values().forEach(AtlasCli::exitCodesInHelp);
    }

    private static final java.util.Map<String, String> EXIT_CODES = exitCodes();

    private static java.util.Map<String, String> exitCodes() {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        codes.put("0", "success");
        codes.put("1", "failure: a failed run or step, a tripped 'fail' gate, a validation breach, a file left in raw/");
        codes.put("2", "bad arguments: a wrong option or value, a --lake that is not a lake, a bad --config");
        return java.util.Collections.unmodifiableMap(codes);
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }
}
