package io.atlas.domain.quality;

import static java.util.Objects.requireNonNull;

/**
 * How the gates are tuned: {@code atlas.gates.volume.min-fraction} (default 0.5) of the median of the last
 * {@code atlas.gates.volume.trailing-days} (default 7) successful days, {@code atlas.gates.reject-rate.max-share}
 * (default 0.05), and {@code atlas.gates.freshness.hours} (default 24) after the day's end; each gate has an
 * {@code action} ({@code off}, {@code warn}, {@code fail}; default {@code warn}). The silence gates (zero access, zero
 * errors) share {@code trailing-days} with volume.
 */
public record GateSettings(double volumeMinFraction, int trailingDays, GateAction volumeAction, double rejectMaxShare,
        GateAction rejectAction, GateAction zeroAccessAction, GateAction zeroErrorsAction, long freshnessHours,
        GateAction freshnessAction) {
    public static final GateSettings DEFAULTS = new GateSettings(0.5, 7, GateAction.WARN, 0.05, GateAction.WARN,
            GateAction.WARN, GateAction.WARN, 24, GateAction.WARN);

    public GateSettings {
        if (!(volumeMinFraction > 0 && volumeMinFraction <= 1)) {
            throw new IllegalArgumentException("Cannot use atlas.gates.volume.min-fraction " + volumeMinFraction
                    + ": it must be above 0 and at most 1");
        }
        if (trailingDays < 1 || trailingDays > 366) {
            throw new IllegalArgumentException("Cannot use atlas.gates.volume.trailing-days " + trailingDays
                    + ": it must be between 1 and 366");
        }
        if (!(rejectMaxShare >= 0 && rejectMaxShare < 1)) {
            throw new IllegalArgumentException("Cannot use atlas.gates.reject-rate.max-share " + rejectMaxShare
                    + ": it must be at least 0 and below 1");
        }
        if (freshnessHours < 0) {
            throw new IllegalArgumentException("Cannot use atlas.gates.freshness.hours " + freshnessHours
                    + ": it must not be negative");
        }
        requireNonNull(volumeAction, "volumeAction is null");
        requireNonNull(rejectAction, "rejectAction is null");
        requireNonNull(zeroAccessAction, "zeroAccessAction is null");
        requireNonNull(zeroErrorsAction, "zeroErrorsAction is null");
        requireNonNull(freshnessAction, "freshnessAction is null");
    }

    public GateAction action(Gate gate) {
        return switch (gate) {
            case VOLUME -> volumeAction;
            case REJECT_RATE -> rejectAction;
            case ZERO_ACCESS -> zeroAccessAction;
            case ZERO_ERRORS -> zeroErrorsAction;
            case FRESHNESS -> freshnessAction;
        };
    }
}
