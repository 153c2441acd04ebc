package io.atlas.domain.quality;

import static java.util.Objects.requireNonNull;

/** One gate's verdict on a day, with a sentence saying what was measured against what. */
public record GateOutcome(Gate gate, GateStatus status, String message) {
    public GateOutcome {
        requireNonNull(gate, "gate is null");
        requireNonNull(status, "status is null");
        requireNonNull(message, "message is null");
    }

    /** {@code volume WARN: 120 events, below 0.5 x trailing median 1000}. */
    @Override
    public String toString() {
        return gate.key() + " " + status + ": " + message;
    }
}
