package io.atlas.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.quality.GateSettings;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.run.RunContext;
import io.atlas.domain.run.RunId;
import io.atlas.ports.engine.Engine;
import io.atlas.ports.engine.NormalizeResult;
import io.atlas.ports.inmemory.InMemoryCatalog;
import io.atlas.ports.inmemory.InMemoryDatasetStore;
import io.atlas.ports.inmemory.InMemoryObjectStore;
import io.atlas.ports.inmemory.InMemoryRunLedger;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.lock.LostLockException;
import io.atlas.ports.lock.RunLocks;
import io.atlas.ports.notify.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A run whose lock was lost (an S3 lease taken over) stops before its next step publishes anything. */
class LostLockTest {
    private static final LocalDate D29 = LocalDate.of(2024, 11, 29);

    @Test
    void aRunThatLostItsLockStopsBeforeTheNextStep() {
        Clock clock = Clock.fixed(Instant.parse("2024-11-30T01:00:00Z"), ZoneOffset.UTC);
        InMemoryObjectStore store = new InMemoryObjectStore(clock);
        InMemoryDatasetStore datasets = new InMemoryDatasetStore();
        InMemoryCatalog catalog = new InMemoryCatalog();
        List<String> ran = new ArrayList<>();
        Engine engine = new Engine() {
            @Override
            public NormalizeResult normalize(RunContext context, LocalDate processDate) {
                ran.add("normalize");
                return new NormalizeResult(processDate, 0, Map.of(), new java.util.TreeMap<>());
            }

            @Override
            public DailyActivity aggregate(RunContext context, LocalDate processDate) {
                ran.add("aggregate");
                throw new AssertionError("aggregate must not run after the lock was lost");
            }
        };
        AtomicInteger checks = new AtomicInteger();
        RunLocks losing = (date, owner) -> new RunLocks.Held() {
            @Override
            public void ensureHeld() {
                if (checks.incrementAndGet() > 1) {
                    throw new LostLockException(date.toString(), "another run replaced _atlas/locks/" + date + ".lock");
                }
            }

            @Override
            public void close() {}
        };
        InMemoryRunLedger ledger = new InMemoryRunLedger();
        PipelineRunner runner = new PipelineRunner(engine, new Crawler(catalog, datasets), ledger, store,
                new DayChangeLog(store), new Validator(store, datasets, catalog, NormalizationSettings.DEFAULTS),
                new RunContexts(clock), Notifier.NONE, losing, new io.atlas.app.quality.DayQuality(store, datasets, ledger,
                        new io.atlas.app.quality.RunDetailsStore(store), GateSettings.DEFAULTS));

        RunRecord run = runner.run(D29, new RunContext(RunId.of("r1"), clock.instant()), false, PipelineRunner.Listener.NONE);

        assertThat(ran).containsExactly("normalize");
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.failedStep().orElseThrow().name()).isEqualTo(StepName.CRAWL_LOGS);
        assertThat(run.failedStep().orElseThrow().error().orElseThrow())
                .startsWith("Cannot go on with 2024-11-29: this run lost its lock");
        assertThat(run.step(StepName.AGGREGATE).orElseThrow().state()).isEqualTo(RunState.SKIPPED);
        assertThat(ledger.find(RunId.of("r1"))).contains(run);
    }
}
