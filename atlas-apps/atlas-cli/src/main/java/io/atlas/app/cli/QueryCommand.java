package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.domain.catalog.AtlasTables;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.query.QueryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs SQL over the catalog: the embedded DuckDB, or Athena with atlas.query.engine=athena "
                + "(atlas.athena.workgroup, atlas.athena.output-location) on an s3:// lake. Tables: log_analytics_db.logs, "
                + "log_analytics_db.daily_activity, log_analytics_db.data_quality_rejects, with their partition columns "
                + "('atlas tables' lists them with their partition counts).",
            "The SQL is the argument, the content of --file, or stdin when the argument is '-'. Results go to stdout "
                + "(--format json prints numbers as numbers, NaN and infinity as null).",
            "Example: atlas query \"SELECT date, total_requests FROM log_analytics_db.daily_activity ORDER BY date\""})
final class QueryCommand extends LakeCommand {
    static final String NOTHING_RUN = "Nothing has been run yet: the catalog has no table. Run 'atlas ingest', then "
            + "'atlas run --pending' (or try 'atlas demo').";

    @Parameters(index = "0", arity = "0..1", paramLabel = "SQL", description = "One SQL statement, or - to read it from stdin.")
    String sql;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the SQL statement from FILE.")
    Path file;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    QueryOutput.Format format;

    @Override
    public Integer call() {
        String statement = statement();
        try (Atlas atlas = root.open()) {
            try {
                spec.commandLine().getOut().print(QueryOutput.render(atlas.query(statement), format));
            } catch (QueryException e) {
                if (nothingRun(atlas)) {
                    throw new QueryException(e.category(), e.getMessage() + "\n" + NOTHING_RUN, e);
                }
                throw e;
            }
            return AtlasCli.OK;
        }
    }

    private static boolean nothingRun(Atlas atlas) {
        Catalog catalog = atlas.component(Catalog.class);
        return AtlasTables.ALL.stream().noneMatch(t -> catalog.table(AtlasTables.DATABASE, t.name()).isPresent());
    }

    private String statement() {
        if ((sql != null) == (file != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give the SQL as an argument, with --file FILE, or as - to read it from stdin (one of them)");
        }
        String text;
        try {
            text = file != null ? Files.readString(file, StandardCharsets.UTF_8)
                    : "-".equals(sql) ? new String(root.stdin().readAllBytes(), StandardCharsets.UTF_8) : sql;
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Cannot read the SQL from "
                    + (file != null ? file : "stdin") + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        text = text.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "the SQL statement is empty");
        }
        return text;
    }
}
