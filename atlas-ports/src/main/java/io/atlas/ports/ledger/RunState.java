package io.atlas.ports.ledger;

/** The state of a run or of one of its steps. */
public enum RunState {
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Not started because an earlier step failed. */
    SKIPPED
}
