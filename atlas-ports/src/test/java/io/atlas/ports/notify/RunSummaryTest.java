package io.atlas.ports.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.run.RunId;
import io.atlas.ports.ledger.RunKind;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.StepName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunSummaryTest {
    private static final Instant T = Instant.parse("2024-11-30T01:00:00Z");

    @Test
    void aRunWithoutADateIsShownWithADash() {
        RunSummary summary = RunSummary.of(RunRecord.started(RunId.of("r1"), RunKind.PIPELINE, Optional.empty(), T,
                List.of(StepName.NORMALIZE)).ended(T, RunState.SUCCEEDED));

        assertThat(summary.processDate()).isEmpty();
        assertThat(summary.subject()).isEqualTo("Atlas -: SUCCEEDED");
        assertThat(summary.text()).isEqualTo("Run r1 for -: SUCCEEDED\n");
    }

    @Test
    void countsAreOrderedByTheirQualifiedKeyAndTheFailureNamesItsStep() {
        RunRecord run = RunRecord.started(RunId.of("r2"), RunKind.PIPELINE, Optional.of(LocalDate.of(2024, 11, 29)), T,
                List.of(StepName.NORMALIZE, StepName.CRAWL_LOGS, StepName.AGGREGATE));
        run = run.withStep(run.step(StepName.NORMALIZE).orElseThrow().started(T).succeeded(T, Map.of("read", 3L)))
                .withStep(run.step(StepName.CRAWL_LOGS).orElseThrow().started(T).succeeded(T, Map.of("logs.added", 2L)))
                .withStep(run.step(StepName.AGGREGATE).orElseThrow().started(T).failed(T, "Cannot aggregate: x: y"))
                .ended(T, RunState.FAILED);

        RunSummary summary = RunSummary.of(run);

        assertThat(summary.subject()).isEqualTo("Atlas 2024-11-29: FAILED in aggregate");
        assertThat(summary.failure()).hasValue(new RunSummary.Failure(StepName.AGGREGATE, "Cannot aggregate: x: y"));
        assertThat(summary.text()).isEqualTo("Run r2 for 2024-11-29: FAILED\nFailure: aggregate: Cannot aggregate: x: y\n"
                + "crawl_logs.logs.added = 2\nnormalize.read = 3\n");
    }
}
