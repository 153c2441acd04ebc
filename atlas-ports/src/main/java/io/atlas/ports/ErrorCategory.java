package io.atlas.ports;

/** Whether retrying an operation that failed can help (as Trino's {@code ErrorType}). */
public enum ErrorCategory {
    /** The caller asked for something invalid or absent; retrying the same request fails the same way. */
    USER_ERROR,
    /** A dependency failed for now (network, throttling, a lock held); a retry later may succeed. */
    TRANSIENT,
    /** Something is broken or inconsistent and needs a human; retrying does not help. */
    INTERNAL
}
