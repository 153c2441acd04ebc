package io.atlas.ports.ledger;

/** The state of a run or of one of its steps. */
public enum RunState {
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** Not started because an earlier step failed. */
    SKIPPED,
    /**
     * Left RUNNING by a process that died (killed, out of memory, a full disk that kept it from recording its end):
     * set by the next command that finds the run's date lock free (local) or its lease expired (S3).
     */
    ABANDONED
}
