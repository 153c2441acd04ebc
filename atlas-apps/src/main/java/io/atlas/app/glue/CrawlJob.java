package io.atlas.app.glue;

import io.atlas.app.service.CrawlReport;
import io.atlas.app.service.Crawler;
import io.atlas.aws.glue.GlueCatalog;
import io.atlas.domain.lake.LogType;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.ledger.CountKey;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.spark.LakeLocation;
import io.atlas.spark.SparkPartitionSource;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * The catalog step of the state machine, as a Glue job: Atlas's own crawler ({@code --table logs} also crawls
 * data_quality_rejects; {@code --table daily_activity}) registering committed partitions in the Glue Data Catalog and
 * refusing incompatible schema changes, which Glue's crawlers cannot promise.
 */
public final class CrawlJob {
    private CrawlJob() {}

    public static void main(String[] args) {
        GlueArguments arguments = GlueArguments.parse(args);
        String table = table(arguments);
        GlueJob.run(StepName.fromWire("crawl_" + table), arguments, (parsed, store, engine, context) -> crawl(table, parsed, store));
    }

    private static Map<String, Long> crawl(String table, GlueArguments arguments, ObjectStore store) {
        LocalDate date = arguments.processDate();
        Crawler crawler = new Crawler(new GlueCatalog(GlueClient.create(), arguments.lake()),
                new SparkPartitionSource(SparkSession.builder().getOrCreate(), LakeLocation.parse(arguments.lake()), store));
        if (table.equals("daily_activity")) {
            CrawlReport gold = crawler.crawl(Dataset.DAILY_ACTIVITY, Set.of(Dataset.dailyActivityPartition(date)));
            return Map.of(CountKey.ADDED.wireName(), (long) gold.added(), CountKey.DROPPED.wireName(), (long) gold.dropped());
        }
        CrawlReport logs = crawler.crawl(Dataset.LOGS, Set.of(Dataset.logsPartition(LogType.ACCESS, date),
                Dataset.logsPartition(LogType.ERROR, date)));
        CrawlReport rejects = crawler.crawl(Dataset.REJECTS, Set.of(Dataset.rejectsPartition(date)));
        return Map.of(CountKey.ADDED.of("logs"), (long) logs.added(), CountKey.DROPPED.of("logs"), (long) logs.dropped(),
                CountKey.ADDED.of("rejects"), (long) rejects.added(), CountKey.DROPPED.of("rejects"), (long) rejects.dropped());
    }

    /** {@code --table}, {@code logs} when absent. */
    private static String table(GlueArguments arguments) {
        String table = arguments.table().orElse("logs");
        if (!table.equals("logs") && !table.equals("daily_activity")) {
            throw new IllegalArgumentException("Cannot crawl table '" + table + "': use logs or daily_activity");
        }
        return table;
    }
}
