package io.atlas.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.app.AtlasSettings;
import io.atlas.domain.aggregate.DistinctEvents;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The warm-up's aggregate works in passes when the timed day's does, so the timed run measures compiled code for
 * the passes too (the aggregate gives half its budget to the ids: ColumnarAggregate).
 */
class WarmupBudgetTest {
    @Property(tries = 200)
    void theWarmupTakesTheTimedDaysPasses(@ForAll @LongRange(min = 1_000_000, max = 20_000_000) long records,
            @ForAll @LongRange(min = 64L << 20, max = 2L << 30) long budget) {
        long warmupRecords = WorkloadBench.defaultWarmup(records);
        long warmupBudget = WorkloadBench.warmupAggregateMemoryBytes(budget, records, warmupRecords);

        int timed = DistinctEvents.aggregatePasses(records, budget / 2);
        int warm = DistinctEvents.aggregatePasses(warmupRecords, warmupBudget / 2);

        assertThat(warmupBudget).isGreaterThanOrEqualTo(AtlasSettings.MIN_AGGREGATE_MEMORY_BYTES);
        // the same code paths: several passes when the timed day takes several (fewer where the warm-up's budget is
        // at the settings' floor), one when it takes one
        if (timed == 1) {
            assertThat(warm).isEqualTo(1);
        } else {
            assertThat(warm).isBetween(2, timed * 2);
        }
    }

    @Property(tries = 50)
    void aDayNoLargerThanItsWarmupKeepsItsBudget(@ForAll @LongRange(min = 1, max = 200_000) long records) {
        assertThat(WorkloadBench.warmupAggregateMemoryBytes(128L << 20, records, records)).isEqualTo(128L << 20);
    }
}
