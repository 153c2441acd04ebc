package io.atlas.ports.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LedgerWireNamesTest {

    @Test
    void stepNamesKeepTheNamesExistingLedgersHold() {
        assertThat(Arrays.stream(StepName.values()).map(StepName::wireName))
                .containsExactly("normalize", "crawl_logs", "aggregate", "crawl_daily_activity", "validate");
        for (StepName step : StepName.values()) {
            assertThat(StepName.fromWire(step.wireName())).isEqualTo(step);
        }
    }

    @Test
    void runKindsKeepTheNamesExistingLedgersHold() {
        assertThat(Arrays.stream(RunKind.values()).map(RunKind::wireName)).containsExactly("pipeline", "glue_normalize",
                "glue_crawl_logs", "glue_aggregate", "glue_crawl_daily_activity");
        assertThat(RunKind.glue(StepName.CRAWL_DAILY_ACTIVITY)).isEqualTo(RunKind.GLUE_CRAWL_DAILY_ACTIVITY);
        for (RunKind kind : RunKind.values()) {
            assertThat(RunKind.fromWire(kind.wireName())).isEqualTo(kind);
        }
    }

    @Test
    void anUnknownNameIsRefusedNamingIt() {
        assertThatThrownBy(() -> StepName.fromWire("NORMALIZE")).hasMessage(
                "Cannot read step name: 'NORMALIZE' is not one of the run steps");
        assertThatThrownBy(() -> RunKind.fromWire("glue_validate")).hasMessage(
                "Cannot read run kind: 'glue_validate' is not one of the run kinds");
    }

    @Test
    void countKeysAreTheLedgersKeys() {
        assertThat(CountKey.OTHER_DAY.wireName()).isEqualTo("other_day");
        assertThat(CountKey.PARTITIONS.of("logs")).isEqualTo("logs.partitions");
        assertThat(CountKey.rejected(RunState.FAILED)).isEqualTo("rejected.FAILED");
    }
}
