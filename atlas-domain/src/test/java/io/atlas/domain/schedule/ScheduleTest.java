package io.atlas.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void aTriggerWorksOnTheUtcDayBeforeIt() {
        assertThat(ProcessDateRule.processDateFor(Instant.parse("2024-12-01T00:00:00Z"))).isEqualTo(LocalDate.of(2024, 11, 30));
        assertThat(ProcessDateRule.processDateFor(Instant.parse("2024-12-01T23:59:59Z"))).isEqualTo(LocalDate.of(2024, 11, 30));
        assertThat(ProcessDateRule.processDateFor(Instant.parse("2024-03-01T00:00:00Z"))).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void aBackfillRangeIsInclusiveAndOrdered() {
        assertThat(new DateRange(LocalDate.of(2024, 11, 29), LocalDate.of(2024, 12, 1)).days())
                .containsExactly(LocalDate.of(2024, 11, 29), LocalDate.of(2024, 11, 30), LocalDate.of(2024, 12, 1));
        assertThat(new DateRange(LocalDate.of(2024, 11, 29), LocalDate.of(2024, 11, 29)).length()).isEqualTo(1);
        assertThatThrownBy(() -> new DateRange(LocalDate.of(2024, 11, 30), LocalDate.of(2024, 11, 29)))
                .hasMessage("Invalid date range: 2024-11-30 is after 2024-11-29");
    }

    @Test
    void aTriggerRunsYesterdayAndPendingDaysInTheWindowAndReportsOlderOnes() {
        SchedulePlan plan = SchedulePlan.forTrigger(Instant.parse("2024-12-31T00:00:00Z"),
                java.util.Set.of(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 11, 30), LocalDate.of(2024, 12, 29),
                        LocalDate.of(2024, 12, 31)), 30);

        assertThat(plan.run()).containsExactly(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 29), LocalDate.of(2024, 12, 30));
        assertThat(plan.tooOld()).containsExactly(LocalDate.of(2024, 11, 30));
    }
}
