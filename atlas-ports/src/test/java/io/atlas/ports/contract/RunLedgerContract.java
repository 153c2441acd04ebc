package io.atlas.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.run.RunId;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.ledger.RunKind;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.ledger.StepRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RunLedger} must have. */
public abstract class RunLedgerContract {
    private static final Instant T0 = Instant.parse("2024-12-01T00:00:00Z");
    protected RunLedger ledger;

    protected abstract RunLedger createLedger() throws Exception;

    @BeforeEach
    void setUpLedger() throws Exception {
        ledger = createLedger();
    }

    private static RunRecord run(String id, Instant at) {
        return RunRecord.started(RunId.of(id), RunKind.PIPELINE, Optional.of(LocalDate.of(2024, 11, 30)), at,
                List.of(StepName.NORMALIZE, StepName.CRAWL_LOGS, StepName.AGGREGATE, StepName.CRAWL_DAILY_ACTIVITY));
    }

    @Test
    void savesAndFindsARunWithItsSteps() {
        RunRecord run = run("r1", T0);
        RunRecord done = run.withStep(run.step(StepName.NORMALIZE).orElseThrow().started(T0)
                        .succeeded(T0.plusSeconds(2), Map.of("read", 10L, "processed", 9L, "rejected", 1L)))
                .withStep(run.step(StepName.CRAWL_LOGS).orElseThrow().started(T0.plusSeconds(2))
                        .failed(T0.plusSeconds(3), "Cannot crawl logs: boom"))
                .ended(T0.plusSeconds(3), RunState.FAILED);

        ledger.save(done);

        assertThat(ledger.find(RunId.of("r1"))).contains(done);
        assertThat(ledger.find(RunId.of("r1")).orElseThrow().step(StepName.CRAWL_LOGS).orElseThrow().error())
                .contains("Cannot crawl logs: boom");
        assertThat(ledger.find(RunId.of("r2"))).isEmpty();
    }

    @Test
    void aLaterSaveReplacesTheRun() {
        RunRecord run = run("r1", T0);
        ledger.save(run);
        ledger.save(run.ended(T0.plusSeconds(9), RunState.SUCCEEDED));

        assertThat(ledger.list()).singleElement().extracting(RunRecord::state).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void listsRunsOldestFirst() {
        ledger.save(run("b", T0.plusSeconds(5)));
        ledger.save(run("c", T0));
        ledger.save(run("a", T0.plusSeconds(5)));
        RunRecord ingest = new RunRecord(RunId.of("i"), RunKind.GLUE_NORMALIZE, Optional.empty(), T0.minusSeconds(1),
                Optional.empty(), RunState.RUNNING, List.of(StepRecord.pending(StepName.NORMALIZE)));
        ledger.save(ingest);

        assertThat(ledger.list()).extracting(r -> r.runId().value()).containsExactly("i", "c", "a", "b");
        assertThat(ledger.find(RunId.of("i"))).contains(ingest);
    }
}
