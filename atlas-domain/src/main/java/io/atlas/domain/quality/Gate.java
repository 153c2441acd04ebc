package io.atlas.domain.quality;

import java.util.Locale;

/** The day-level quality gates, each named by its settings key ({@code atlas.gates.<key>.*}). */
public enum Gate {
    /** Total events below a fraction of the trailing median. */
    VOLUME,
    /** Row-level rejects above a share of the day's records. */
    REJECT_RATE,
    /** No access events while every trailing day had some. */
    ZERO_ACCESS,
    /** No error events while every trailing day had some. */
    ZERO_ERRORS,
    /** No file ingested for the day by some hours after its end. */
    FRESHNESS;

    /** {@code volume}, {@code reject-rate}, ...: the dashed name used in settings keys. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
