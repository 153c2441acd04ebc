package io.atlas.app.service;

import io.atlas.ports.ledger.CountKey;
import java.util.Map;

/** What a crawl changed in one catalog table. */
public record CrawlReport(String table, int added, int dropped, int partitions, boolean schemaEvolved) {

    /** The crawl's counts for the run ledger: {@code added}, {@code dropped}, {@code partitions}. */
    public Map<String, Long> asCounts() {
        return Map.of(CountKey.ADDED.wireName(), (long) added, CountKey.DROPPED.wireName(), (long) dropped,
                CountKey.PARTITIONS.wireName(), (long) partitions);
    }

    /** The same counts within a group of a step that crawls several tables: {@code logs.added}, ... */
    public Map<String, Long> asCounts(String group) {
        return Map.of(CountKey.ADDED.of(group), (long) added, CountKey.DROPPED.of(group), (long) dropped,
                CountKey.PARTITIONS.of(group), (long) partitions);
    }
}
