package io.atlas.app.glue;

import io.atlas.app.service.Crawler;
import io.atlas.aws.glue.GlueCatalog;
import io.atlas.ports.ledger.StepName;
import io.atlas.spark.LakeLocation;
import io.atlas.spark.SparkPartitionSource;
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
        StepName step = StepName.fromWire("crawl_" + table(arguments));
        GlueJob.run(step, arguments, (parsed, store, engine, context) -> new Crawler(
                new GlueCatalog(GlueClient.create(), parsed.lake()),
                new SparkPartitionSource(SparkSession.builder().getOrCreate(), LakeLocation.parse(parsed.lake()), store))
                .crawlStep(step, parsed.processDate()));
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
