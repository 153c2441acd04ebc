package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.catalog.AtlasTables;
import io.atlas.domain.catalog.Column;
import io.atlas.domain.catalog.SchemaCompatibility;
import io.atlas.domain.catalog.TableDefinition;
import io.atlas.ports.catalog.Catalog;
import io.atlas.ports.catalog.CatalogPartition;
import io.atlas.ports.catalog.IncompatibleSchemaException;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.PartitionSource;
import io.atlas.ports.dataset.PartitionInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.atlas.domain.lake.LogType;
import io.atlas.ports.ledger.StepName;
import java.time.LocalDate;

/**
 * Keeps a catalog table in step with the committed partitions in the lake (SPEC §5): registers new partitions,
 * drops vanished ones, infers the schema from Parquet footers and evolves the table only compatibly. An incompatible
 * footer is refused with {@link IncompatibleSchemaException}: the table is left as it was and no second table is
 * made.
 */
public final class Crawler {
    private final Catalog catalog;
    private final PartitionSource datasets;

    public Crawler(Catalog catalog, PartitionSource datasets) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.datasets = requireNonNull(datasets, "datasets is null");
    }

    /**
     * A run's crawl step for {@code date}, the same on every entry point (CLI pipeline, Glue crawl job):
     * {@code crawl_logs} crawls logs (the day's access and error partitions) and data_quality_rejects,
     * {@code crawl_daily_activity} the day's gold row. Returns the step's counts for the run ledger.
     *
     * @throws IllegalArgumentException when {@code step} is not a crawl step
     */
    public Map<String, Long> crawlStep(StepName step, LocalDate date) {
        return switch (step) {
            case CRAWL_LOGS -> {
                Map<String, Long> counts = new java.util.TreeMap<>(crawl(Dataset.LOGS, Set.of(
                        Dataset.logsPartition(LogType.ACCESS, date), Dataset.logsPartition(LogType.ERROR, date)))
                        .asCounts("logs"));
                counts.putAll(crawl(Dataset.REJECTS, Set.of(Dataset.rejectsPartition(date))).asCounts("rejects"));
                yield counts;
            }
            case CRAWL_DAILY_ACTIVITY -> crawl(Dataset.DAILY_ACTIVITY, Set.of(Dataset.dailyActivityPartition(date))).asCounts();
            case NORMALIZE, AGGREGATE, VALIDATE -> throw new IllegalArgumentException(step + " is not a crawl step");
        };
    }

    /** Crawls {@code dataset}, reading the footers of new partitions and of those in {@code rewritten}. */
    public CrawlReport crawl(Dataset<?> dataset, Set<List<String>> rewritten) {
        String db = AtlasTables.DATABASE;
        catalog.createDatabase(db);
        List<PartitionInfo> stored = datasets.partitions(dataset);
        Map<List<String>, CatalogPartition> registered = new HashMap<>();
        Optional<TableDefinition> existing = catalog.table(db, dataset.name());
        if (existing.isPresent()) {
            catalog.partitions(db, dataset.name()).forEach(p -> registered.put(p.values(), p));
        }

        TableDefinition table = existing.orElse(dataset.table());
        boolean evolved = existing.isEmpty();
        List<CatalogPartition> toAdd = new ArrayList<>();
        for (PartitionInfo partition : stored) {
            CatalogPartition entry = new CatalogPartition(partition.values(), partition.location());
            boolean isNew = !entry.equals(registered.get(partition.values()));
            if (isNew || rewritten.contains(partition.values())) {
                Optional<List<Column>> footer = datasets.schema(dataset, partition.values());
                if (footer.isPresent()) {
                    TableDefinition found = table.withColumns(footer.get());
                    SchemaCompatibility.Verdict verdict = SchemaCompatibility.check(table, found);
                    if (verdict instanceof SchemaCompatibility.Verdict.Incompatible incompatible) {
                        throw new IncompatibleSchemaException(db, dataset.name(),
                                incompatible.reason() + " in " + partition.location());
                    }
                    if (verdict instanceof SchemaCompatibility.Verdict.Additive) {
                        table = found;
                        evolved = true;
                    }
                }
            }
            if (isNew) {
                toAdd.add(entry);
            }
        }
        if (evolved) {
            catalog.putTable(db, table);
        }
        Set<List<String>> storedValues = new java.util.HashSet<>();
        stored.forEach(p -> storedValues.add(p.values()));
        List<List<String>> toDrop = registered.keySet().stream().filter(v -> !storedValues.contains(v)).toList();
        if (!toAdd.isEmpty()) {
            catalog.addPartitions(db, dataset.name(), toAdd);
        }
        if (!toDrop.isEmpty()) {
            catalog.dropPartitions(db, dataset.name(), toDrop);
        }
        return new CrawlReport(dataset.name(), toAdd.size(), toDrop.size(), stored.size(), evolved && existing.isPresent());
    }
}
