package io.atlas.app.service;

/** What a crawl changed in one catalog table. */
public record CrawlReport(String table, int added, int dropped, int partitions, boolean schemaEvolved) {}
