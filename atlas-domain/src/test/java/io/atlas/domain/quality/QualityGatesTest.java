package io.atlas.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The gates on a generated history: a normal week, an outage day, a reject spike, a silent day, a late day. */
class QualityGatesTest {
    private static final LocalDate START = LocalDate.of(2024, 11, 1);
    private static final Instant LATER = Instant.parse("2025-01-01T00:00:00Z");
    private static final QualityGates.Arrival ARRIVED = new QualityGates.Arrival(3, LATER);
    private final QualityGates gates = new QualityGates(GateSettings.DEFAULTS);

    /** {@code days} normal days from START: 1000 +- 20% access events, ~50 errors, ~1% rejects (seeded). */
    private static List<DayMetrics> normalDays(int days, long seed) {
        Random random = new Random(seed);
        List<DayMetrics> history = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            long access = 800 + random.nextInt(401);
            history.add(new DayMetrics(START.plusDays(i), access, 40 + random.nextInt(21), random.nextInt(5), access / 100));
        }
        return history;
    }

    private static GateOutcome outcome(List<GateOutcome> outcomes, Gate gate) {
        return outcomes.stream().filter(o -> o.gate() == gate).findFirst().orElseThrow();
    }

    @Test
    void aNormalWeekRaisesNoAlarm() {
        List<DayMetrics> history = normalDays(21, 7);
        for (DayMetrics day : history.subList(7, 21)) {
            List<GateOutcome> outcomes = gates.evaluate(day, history, ARRIVED);
            assertThat(outcomes).as("day %s", day.date()).extracting(GateOutcome::status).containsOnly(GateStatus.PASS);
        }
    }

    @Test
    void anOutageDayWithATenthOfItsVolumeTripsTheVolumeGateOnly() {
        List<DayMetrics> history = normalDays(7, 11);
        DayMetrics outage = new DayMetrics(START.plusDays(7), 100, 5, 0, 1);

        List<GateOutcome> outcomes = gates.evaluate(outage, history, ARRIVED);

        assertThat(outcome(outcomes, Gate.VOLUME).status()).isEqualTo(GateStatus.WARN);
        assertThat(outcome(outcomes, Gate.VOLUME).message()).startsWith("105 events, below 0.5 x the median").endsWith("of 7 trailing days");
        assertThat(outcomes).filteredOn(o -> o.gate() != Gate.VOLUME).extracting(GateOutcome::status).containsOnly(GateStatus.PASS);
        assertThat(QualityGates.worst(outcomes)).isEqualTo(GateStatus.WARN);
    }

    @Test
    void aFailActionMakesTheTrippedGateFail() {
        GateSettings settings = new GateSettings(0.5, 7, GateAction.FAIL, 0.05, GateAction.WARN, GateAction.WARN,
                GateAction.WARN, 24, GateAction.WARN);
        List<GateOutcome> outcomes = new QualityGates(settings).evaluate(new DayMetrics(START.plusDays(7), 10, 1, 0, 0),
                normalDays(7, 3), ARRIVED);
        assertThat(QualityGates.worst(outcomes)).isEqualTo(GateStatus.FAIL);
    }

    @Test
    void aRejectSpikeAboveFivePercentTripsTheRejectGate() {
        DayMetrics spike = new DayMetrics(START.plusDays(7), 900, 50, 0, 100); // 100 of 1050 = 9.5%

        GateOutcome rejects = outcome(gates.evaluate(spike, normalDays(7, 5), ARRIVED), Gate.REJECT_RATE);

        assertThat(rejects.status()).isEqualTo(GateStatus.WARN);
        assertThat(rejects.message()).isEqualTo("100 of 1050 records rejected (9.5%), above 5.0%");
    }

    @Test
    void exactlyTheShareDoesNotTripTheRejectGate() {
        DayMetrics edge = new DayMetrics(START, 95, 0, 0, 5);
        assertThat(outcome(gates.evaluate(edge, List.of(), ARRIVED), Gate.REJECT_RATE).status()).isEqualTo(GateStatus.PASS);
    }

    @Test
    void aDayWithoutErrorsWhileTheWeekHadThemTripsZeroErrors() {
        DayMetrics silent = new DayMetrics(START.plusDays(7), 1000, 0, 0, 10);
        List<GateOutcome> outcomes = gates.evaluate(silent, normalDays(7, 9), ARRIVED);
        assertThat(outcome(outcomes, Gate.ZERO_ERRORS).status()).isEqualTo(GateStatus.WARN);
        assertThat(outcome(outcomes, Gate.ZERO_ACCESS).status()).isEqualTo(GateStatus.PASS);
    }

    @Test
    void zeroEventsAreNormalWhenATrailingDayHadNoneEither() {
        List<DayMetrics> history = new ArrayList<>(normalDays(6, 2));
        history.add(new DayMetrics(START.plusDays(6), 900, 0, 0, 9));
        GateOutcome errors = outcome(gates.evaluate(new DayMetrics(START.plusDays(7), 900, 0, 0, 9), history, ARRIVED), Gate.ZERO_ERRORS);
        assertThat(errors.status()).isEqualTo(GateStatus.PASS);
    }

    @Test
    void theFirstDayHasNothingToCompareWith() {
        GateOutcome volume = outcome(gates.evaluate(new DayMetrics(START, 1, 0, 0, 0), List.of(), ARRIVED), Gate.VOLUME);
        assertThat(volume.status()).isEqualTo(GateStatus.PASS);
        assertThat(volume.message()).contains("no trailing successful day");
    }

    @Test
    void onlyTheLastTrailingDaysBeforeTheDayCount() {
        List<DayMetrics> history = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            history.add(new DayMetrics(START.plusDays(i), i < 3 ? 10_000 : 100, 0, 0, 0)); // three old big days
        }
        history.add(new DayMetrics(START.plusDays(20), 1_000_000, 0, 0, 0)); // a later day never counts
        GateOutcome volume = outcome(gates.evaluate(new DayMetrics(START.plusDays(10), 60, 0, 0, 0), history, ARRIVED), Gate.VOLUME);
        assertThat(volume.status()).isEqualTo(GateStatus.PASS);
        assertThat(volume.message()).contains("median 100 of 7 trailing days");
    }

    @Test
    void freshnessTripsOnlyWhenNothingArrivedByTheDeadline() {
        DayMetrics empty = new DayMetrics(START, 0, 0, 0, 0);
        Instant deadline = Instant.parse("2024-11-03T00:00:00Z"); // end of Nov 1 + 24 h
        assertThat(outcome(gates.evaluate(empty, List.of(), new QualityGates.Arrival(0, deadline.minusSeconds(1))), Gate.FRESHNESS)
                .status()).isEqualTo(GateStatus.PASS);
        GateOutcome late = outcome(gates.evaluate(empty, List.of(), new QualityGates.Arrival(0, deadline)), Gate.FRESHNESS);
        assertThat(late.status()).isEqualTo(GateStatus.WARN);
        assertThat(late.message()).isEqualTo("no file ingested for the day by 2024-11-03T00:00:00Z");
        assertThat(outcome(gates.evaluate(empty, List.of(), new QualityGates.Arrival(1, deadline)), Gate.FRESHNESS).status())
                .isEqualTo(GateStatus.PASS);
    }

    @Test
    void anOffGateIsNotEvaluated() {
        GateSettings settings = new GateSettings(0.5, 7, GateAction.OFF, 0.05, GateAction.OFF, GateAction.OFF,
                GateAction.OFF, 24, GateAction.OFF);
        List<GateOutcome> outcomes = new QualityGates(settings).evaluate(new DayMetrics(START.plusDays(7), 0, 0, 0, 500),
                normalDays(7, 1), new QualityGates.Arrival(0, LATER));
        assertThat(outcomes).extracting(GateOutcome::status).containsOnly(GateStatus.OFF);
        assertThat(QualityGates.worst(outcomes)).isEqualTo(GateStatus.PASS);
    }

    @Test
    void settingsOutOfRangeAreRefusedWithTheirKey() {
        assertThatThrownBy(() -> new GateSettings(0, 7, GateAction.WARN, 0.05, GateAction.WARN, GateAction.WARN,
                GateAction.WARN, 24, GateAction.WARN)).hasMessage(
                "Cannot use atlas.gates.volume.min-fraction 0.0: it must be above 0 and at most 1");
        assertThatThrownBy(() -> new GateSettings(0.5, 0, GateAction.WARN, 0.05, GateAction.WARN, GateAction.WARN,
                GateAction.WARN, 24, GateAction.WARN)).hasMessageContaining("atlas.gates.volume.trailing-days 0");
        assertThatThrownBy(() -> new GateSettings(0.5, 7, GateAction.WARN, 1.5, GateAction.WARN, GateAction.WARN,
                GateAction.WARN, 24, GateAction.WARN)).hasMessageContaining("atlas.gates.reject-rate.max-share 1.5");
        assertThatThrownBy(() -> GateAction.of("atlas.gates.volume.action", "maybe"))
                .hasMessage("Cannot read atlas.gates.volume.action 'maybe': use off, warn or fail");
    }

    @Property(tries = 300)
    void aDayAtLeastAsBigAsEveryTrailingDayNeverTripsVolume(@ForAll("histories") List<Long> totals,
            @ForAll @LongRange(min = 0, max = 1000) long extra) {
        List<DayMetrics> history = new ArrayList<>();
        for (int i = 0; i < totals.size(); i++) {
            history.add(new DayMetrics(START.plusDays(i), totals.get(i), 0, 0, 0));
        }
        long max = totals.stream().mapToLong(Long::longValue).max().orElse(0);
        DayMetrics day = new DayMetrics(START.plusDays(totals.size()), max + extra, 0, 0, 0);
        assertThat(outcome(gates.evaluate(day, history, ARRIVED), Gate.VOLUME).status()).isEqualTo(GateStatus.PASS);
    }

    @Property(tries = 300)
    void theMedianLiesBetweenTheSmallestAndLargest(@ForAll("histories") List<Long> totals) {
        long[] sorted = totals.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length > 0) {
            assertThat(QualityGates.median(sorted)).isBetween((double) sorted[0], (double) sorted[sorted.length - 1]);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Long>> histories() {
        return net.jqwik.api.Arbitraries.longs().between(0, 1_000_000).list().ofMaxSize(20);
    }

    @Property(tries = 100)
    void gatesNeverDependOnHistoryAfterTheDay(@ForAll @IntRange(min = 0, max = 5000) int later) {
        List<DayMetrics> history = new ArrayList<>(normalDays(7, 4));
        DayMetrics day = new DayMetrics(START.plusDays(7), 300, 10, 0, 3);
        List<GateOutcome> without = gates.evaluate(day, history, ARRIVED);
        history.add(new DayMetrics(START.plusDays(8), later, later, 0, 0));
        assertThat(gates.evaluate(day, history, ARRIVED)).isEqualTo(without);
    }
}
