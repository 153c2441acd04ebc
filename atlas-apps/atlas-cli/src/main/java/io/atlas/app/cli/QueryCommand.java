package io.atlas.app.cli;

import io.atlas.app.Atlas;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs SQL over the catalog (embedded DuckDB). Tables: log_analytics_db.logs, "
                + "log_analytics_db.daily_activity, log_analytics_db.data_quality_rejects, with their partition columns.",
            "Example: atlas query \"SELECT date, total_requests FROM log_analytics_db.daily_activity ORDER BY date\""})
final class QueryCommand extends LakeCommand {
    @Parameters(index = "0", paramLabel = "SQL", description = "One SQL statement.")
    String sql;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    QueryOutput.Format format;

    @Override
    public Integer call() {
        try (Atlas atlas = root.open()) {
            spec.commandLine().getOut().print(QueryOutput.render(atlas.query(sql), format));
            return AtlasCli.OK;
        }
    }
}
