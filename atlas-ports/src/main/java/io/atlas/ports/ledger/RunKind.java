package io.atlas.ports.ledger;

import java.util.Locale;

/** What a run ran: the whole pipeline, or one Glue job's step; {@link #wireName()} is its name in the ledger's JSON. */
public enum RunKind {
    PIPELINE,
    GLUE_NORMALIZE,
    GLUE_CRAWL_LOGS,
    GLUE_AGGREGATE,
    GLUE_CRAWL_DAILY_ACTIVITY;

    /** The name in ledger records: {@code pipeline}, {@code glue_normalize}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The run of one Glue job that runs {@code step}. */
    public static RunKind glue(StepName step) {
        return fromWire("glue_" + step.wireName());
    }

    /** @throws IllegalArgumentException {@code wireName} names no run kind */
    public static RunKind fromWire(String wireName) {
        for (RunKind kind : values()) {
            if (kind.wireName().equals(wireName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Cannot read run kind: '" + wireName + "' is not one of the run kinds");
    }

    @Override
    public String toString() {
        return wireName();
    }
}
