package io.atlas.ports.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.quality.Gate;
import io.atlas.domain.quality.GateOutcome;
import io.atlas.domain.quality.GateStatus;
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

    private final RunRecord succeeded = RunRecord.started(RunId.of("20241130T010000Z-00000001"), RunKind.PIPELINE,
            Optional.of(LocalDate.of(2024, 11, 29)), T, List.of()).ended(T.plusSeconds(3), RunState.SUCCEEDED);

    @Test
    void trippedGatesAreNamedInTheSubjectAndListedInTheText() {
        RunSummary summary = RunSummary.of(succeeded).withGates(List.of(
                new GateOutcome(Gate.VOLUME, GateStatus.FAIL, "30 events, below 0.5 x the median 300 of 7 trailing days"),
                new GateOutcome(Gate.REJECT_RATE, GateStatus.WARN, "40 of 340 records rejected (11.8%), above 5.0%"),
                new GateOutcome(Gate.FRESHNESS, GateStatus.PASS, "3 files ingested for the day")));

        assertThat(summary.subject()).isEqualTo("Atlas 2024-11-29: SUCCEEDED, gates FAIL volume reject-rate");
        assertThat(summary.text()).contains("Quality gate volume FAIL: 30 events, below 0.5 x the median 300 of 7 trailing days\n")
                .contains("Quality gate reject-rate WARN: 40 of 340").doesNotContain("freshness");
    }

    @Test
    void aRunWhoseGatesPassedReadsAsBefore() {
        RunSummary summary = RunSummary.of(succeeded).withGates(List.of(new GateOutcome(Gate.VOLUME, GateStatus.PASS, "fine")));
        assertThat(summary.subject()).isEqualTo("Atlas 2024-11-29: SUCCEEDED");
        assertThat(summary.text()).doesNotContain("Quality gate");
    }
}
