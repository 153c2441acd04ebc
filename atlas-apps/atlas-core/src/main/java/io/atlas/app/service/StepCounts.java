package io.atlas.app.service;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.ports.ledger.CountKey;
import java.util.Map;
import java.util.TreeMap;

/** The counts a step records in the run ledger, the same for the CLI's pipeline and the Glue jobs. */
public final class StepCounts {
    private StepCounts() {}

    /** What aggregate(D) records: the day's headline numbers. */
    public static Map<String, Long> aggregate(DailyActivity row) {
        Map<String, Long> counts = new TreeMap<>();
        counts.put(CountKey.TOTAL_REQUESTS.wireName(), row.totalRequests());
        counts.put(CountKey.ERROR_COUNT.wireName(), row.errorCount());
        counts.put(CountKey.UNIQUE_IPS.wireName(), row.uniqueIps());
        counts.put(CountKey.DUPLICATE_RECORDS.wireName(), row.duplicateRecords());
        counts.put(CountKey.REJECTED_RECORDS.wireName(), row.rejectedRecords());
        return counts;
    }
}
