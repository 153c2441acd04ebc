package io.atlas.app.generate;

import io.atlas.domain.schedule.DateRange;

/**
 * What {@code atlas generate} writes: for each day, an NDJSON access log of {@code records} lines, a gzip'd JSON API
 * log of half as many, an XML error log of a fifth (the origin's proportions); {@code badShare} of the records of
 * every kind of row-level fault; optionally one file of each file-level fault.
 */
public record GeneratorSettings(DateRange days, int records, double badShare, boolean badFiles, long seed) {
    public GeneratorSettings {
        if (records < 1) {
            throw new IllegalArgumentException("records must be at least 1, got " + records);
        }
        if (badShare < 0 || badShare > 1) {
            throw new IllegalArgumentException("bad share must be between 0 and 1, got " + badShare);
        }
    }
}
