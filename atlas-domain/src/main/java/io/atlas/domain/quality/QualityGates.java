package io.atlas.domain.quality;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The day-level gates, evaluated on a day's counts against the trailing successful days. A gate never changes the
 * numbers; it only says whether they look like a normal day. Every input, including the instant of evaluation, is an
 * argument.
 */
public final class QualityGates {
    private final GateSettings settings;

    public QualityGates(GateSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** What the scheduler knows about a day's input when the gates run. */
    public record Arrival(int filesIngested, Instant evaluatedAt) {
        public Arrival {
            requireNonNull(evaluatedAt, "evaluatedAt is null");
            if (filesIngested < 0) {
                throw new IllegalArgumentException("filesIngested is negative: " + filesIngested);
            }
        }
    }

    /**
     * Every gate's outcome for {@code day}, in {@link Gate} order. {@code history} holds the counts of successful
     * days in any order; only the last {@code trailing-days} days before {@code day} are used.
     */
    public List<GateOutcome> evaluate(DayMetrics day, List<DayMetrics> history, Arrival arrival) {
        List<DayMetrics> trailing = trailing(day.date(), history);
        List<GateOutcome> outcomes = new ArrayList<>();
        for (Gate gate : Gate.values()) {
            GateAction action = settings.action(gate);
            if (action == GateAction.OFF) {
                outcomes.add(new GateOutcome(gate, GateStatus.OFF, "off"));
                continue;
            }
            Check check = switch (gate) {
                case VOLUME -> volume(day, trailing);
                case REJECT_RATE -> rejectRate(day);
                case ZERO_ACCESS -> silence(day.accessEvents(), trailing.stream().map(DayMetrics::accessEvents).toList(), "access");
                case ZERO_ERRORS -> silence(day.errorEvents(), trailing.stream().map(DayMetrics::errorEvents).toList(), "error");
                case FRESHNESS -> freshness(day.date(), arrival);
            };
            GateStatus status = !check.tripped() ? GateStatus.PASS : action == GateAction.FAIL ? GateStatus.FAIL : GateStatus.WARN;
            outcomes.add(new GateOutcome(gate, status, check.message()));
        }
        return List.copyOf(outcomes);
    }

    /** The worst status among {@code outcomes}; {@code PASS} when there are none. */
    public static GateStatus worst(List<GateOutcome> outcomes) {
        return outcomes.stream().map(GateOutcome::status).max(Comparator.naturalOrder())
                .filter(s -> s != GateStatus.OFF).orElse(GateStatus.PASS);
    }

    private record Check(boolean tripped, String message) {}

    private List<DayMetrics> trailing(LocalDate date, List<DayMetrics> history) {
        List<DayMetrics> before = history.stream().filter(m -> m.date().isBefore(date))
                .sorted(Comparator.comparing(DayMetrics::date)).toList();
        return before.subList(Math.max(0, before.size() - settings.trailingDays()), before.size());
    }

    private Check volume(DayMetrics day, List<DayMetrics> trailing) {
        if (trailing.isEmpty()) {
            return new Check(false, day.totalEvents() + " events; no trailing successful day to compare with");
        }
        double median = median(trailing.stream().mapToLong(DayMetrics::totalEvents).sorted().toArray());
        double floor = settings.volumeMinFraction() * median;
        boolean tripped = day.totalEvents() < floor;
        return new Check(tripped, day.totalEvents() + " events, " + (tripped ? "below " : "at least ")
                + settings.volumeMinFraction() + " x the median " + format(median) + " of " + trailing.size()
                + " trailing days");
    }

    private Check rejectRate(DayMetrics day) {
        if (day.records() == 0) {
            return new Check(false, "no records");
        }
        double share = (double) day.rejectedRecords() / day.records();
        boolean tripped = share > settings.rejectMaxShare();
        return new Check(tripped, day.rejectedRecords() + " of " + day.records() + " records rejected ("
                + percent(share) + "), " + (tripped ? "above " : "within ") + percent(settings.rejectMaxShare()));
    }

    private static Check silence(long today, List<Long> trailing, String kind) {
        boolean usual = !trailing.isEmpty() && trailing.stream().allMatch(n -> n > 0);
        boolean tripped = today == 0 && usual;
        String message = today + " " + kind + " events" + (tripped ? " while each of the " + trailing.size()
                + " trailing days had some" : "");
        return new Check(tripped, message);
    }

    private Check freshness(LocalDate date, Arrival arrival) {
        Instant deadline = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(Duration.ofHours(settings.freshnessHours()));
        if (arrival.filesIngested() > 0) {
            return new Check(false, arrival.filesIngested() + " files ingested for the day");
        }
        if (arrival.evaluatedAt().isBefore(deadline)) {
            return new Check(false, "no file yet; due by " + deadline);
        }
        return new Check(true, "no file ingested for the day by " + deadline);
    }

    static double median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }
}
