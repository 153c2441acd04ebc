package io.atlas.domain.quality;

/** The outcome of one gate for one day, worst last. */
public enum GateStatus {
    /** The gate is off. */
    OFF,
    PASS,
    WARN,
    FAIL
}
