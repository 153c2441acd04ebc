package io.atlas.app.glue;

import io.atlas.domain.aggregate.DailyActivity;
import java.util.Map;

/** Glue job 2: {@code aggregate(--process_date)} on Spark. */
public final class AggregateJob {
    private AggregateJob() {}

    public static void main(String[] args) {
        GlueJob.run("aggregate", GlueArguments.parse(args), (arguments, store, engine, context) -> {
            DailyActivity row = engine.get().aggregate(context, arguments.processDate());
            return Map.of("total_requests", row.totalRequests(), "error_count", row.errorCount(),
                    "unique_ips", row.uniqueIps(), "duplicate_records", row.duplicateRecords(),
                    "rejected_records", row.rejectedRecords());
        });
    }
}
