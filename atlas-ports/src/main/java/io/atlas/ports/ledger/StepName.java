package io.atlas.ports.ledger;

import java.util.Locale;

/** A step of a run (SPEC §5's order for a pipeline run); {@link #wireName()} is its name in the ledger's JSON. */
public enum StepName {
    NORMALIZE,
    CRAWL_LOGS,
    AGGREGATE,
    CRAWL_DAILY_ACTIVITY,
    VALIDATE;

    /** The name in ledger records, failure records and on the terminal: {@code normalize}, {@code crawl_logs}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException {@code wireName} names no step */
    public static StepName fromWire(String wireName) {
        for (StepName step : values()) {
            if (step.wireName().equals(wireName)) {
                return step;
            }
        }
        throw new IllegalArgumentException("Cannot read step name: '" + wireName + "' is not one of the run steps");
    }

    @Override
    public String toString() {
        return wireName();
    }
}
