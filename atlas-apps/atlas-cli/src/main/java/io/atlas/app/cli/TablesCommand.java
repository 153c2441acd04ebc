package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.domain.catalog.TableDefinition;
import io.atlas.ports.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tables", mixinStandardHelpOptions = true,
        description = {"Lists the catalog's tables (what 'atlas query' can read): name, partition columns, how many "
                + "partitions are registered, and the columns.",
            "A table appears once a run has crawled it; on a lake where nothing has been run yet, this says so."})
final class TablesCommand extends LakeCommand {
    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    QueryOutput.Format format;

    @Override
    public Integer call() {
        try (Atlas atlas = root.open()) {
            atlas.recoverDeadRuns();
            Catalog catalog = atlas.component(Catalog.class);
            List<String> headers = List.of("table", "partition_keys", "partitions", "columns");
            List<List<Object>> rows = new ArrayList<>();
            for (String database : catalog.databases()) {
                for (TableDefinition known : io.atlas.domain.catalog.AtlasTables.ALL) {
                    Optional<TableDefinition> table = catalog.table(database, known.name());
                    if (table.isPresent()) {
                        rows.add(List.of(database + "." + table.get().name(),
                                table.get().partitionKeys().stream().map(c -> c.name()).collect(Collectors.joining(", ")),
                                (long) catalog.partitions(database, table.get().name()).size(),
                                table.get().columns().stream().map(c -> c.name()).collect(Collectors.joining(", "))));
                    }
                }
            }
            if (rows.isEmpty() && format == QueryOutput.Format.table) {
                spec.commandLine().getOut().println(QueryCommand.NOTHING_RUN);
                return AtlasCli.OK;
            }
            spec.commandLine().getOut().print(QueryOutput.render(new io.atlas.ports.query.QueryResult(headers, rows), format));
            return AtlasCli.OK;
        }
    }
}
