package io.atlas.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.domain.schedule.SchedulePlan;
import io.atlas.ports.inmemory.InMemoryObjectStore;
import io.atlas.ports.ledger.RunKind;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.lock.RunConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static final Instant MIDNIGHT = Instant.parse("2024-12-02T00:00:00Z");

    @Test
    void theDefaultCronFiresDailyAtMidnightUtc() {
        CronSchedule cron = new CronSchedule(CronSchedule.DAILY_AT_MIDNIGHT_UTC);

        assertThat(cron.nextAfter(Instant.parse("2024-12-01T13:45:00Z"))).isEqualTo(MIDNIGHT);
        assertThat(cron.nextAfter(MIDNIGHT)).isEqualTo(Instant.parse("2024-12-03T00:00:00Z"));
    }

    @Test
    void aTickRunsYesterdayAndThePendingDaysInTheWindowOldestFirst() {
        InMemoryObjectStore store = new InMemoryObjectStore(Clock.fixed(MIDNIGHT, ZoneOffset.UTC));
        DayChangeLog changes = new DayChangeLog(store);
        changes.markChanged(Set.of(LocalDate.of(2024, 11, 29), LocalDate.of(2024, 10, 1)), "r1", ObjectKey.of("raw/ndjson/a"));
        List<LocalDate> ran = new ArrayList<>();
        List<SchedulePlan> plans = new ArrayList<>();
        Scheduler scheduler = new Scheduler(new CronSchedule("0 0 * * *"), Clock.fixed(MIDNIGHT, ZoneOffset.UTC), 30, changes,
                date -> {
                    ran.add(date);
                    return RunRecord.started(RunId.of("r-" + date), RunKind.PIPELINE, Optional.of(date), MIDNIGHT, List.of())
                            .ended(MIDNIGHT, RunState.SUCCEEDED);
                });

        scheduler.tick(MIDNIGHT, new Scheduler.Listener() {
            @Override
            public void triggered(Instant trigger, SchedulePlan plan) {
                plans.add(plan);
            }

            @Override
            public void ran(LocalDate date, RunRecord run) {}

            @Override
            public void busy(LocalDate date, RunConflictException conflict) {}
        });

        assertThat(ran).containsExactly(LocalDate.of(2024, 11, 29), LocalDate.of(2024, 12, 1));
        assertThat(plans.get(0).tooOld()).containsExactly(LocalDate.of(2024, 10, 1));
        assertThat(scheduler.nextTrigger()).isEqualTo(Instant.parse("2024-12-03T00:00:00Z"));
    }

    @Test
    void aDateAnotherProcessIsRunningIsReportedAndTheOthersStillRun() {
        InMemoryObjectStore store = new InMemoryObjectStore(Clock.fixed(MIDNIGHT, ZoneOffset.UTC));
        DayChangeLog changes = new DayChangeLog(store);
        changes.markChanged(Set.of(LocalDate.of(2024, 11, 29)), "r1", ObjectKey.of("raw/ndjson/a"));
        List<LocalDate> ran = new ArrayList<>();
        List<LocalDate> busy = new ArrayList<>();
        Scheduler scheduler = new Scheduler(new CronSchedule("0 0 * * *"), Clock.fixed(MIDNIGHT, ZoneOffset.UTC), 30, changes,
                date -> {
                    if (date.equals(LocalDate.of(2024, 11, 29))) {
                        throw new RunConflictException(date, "run r0, process 1 on host");
                    }
                    return RunRecord.started(RunId.of("r-" + date), RunKind.PIPELINE, Optional.of(date), MIDNIGHT, List.of())
                            .ended(MIDNIGHT, RunState.SUCCEEDED);
                });

        List<RunRecord> runs = scheduler.tick(MIDNIGHT, new Scheduler.Listener() {
            @Override
            public void triggered(Instant trigger, SchedulePlan plan) {}

            @Override
            public void ran(LocalDate date, RunRecord run) {
                ran.add(date);
            }

            @Override
            public void busy(LocalDate date, RunConflictException conflict) {
                busy.add(date);
            }
        });

        assertThat(busy).containsExactly(LocalDate.of(2024, 11, 29));
        assertThat(ran).containsExactly(LocalDate.of(2024, 12, 1));
        assertThat(runs).extracting(RunRecord::processDate).containsExactly(Optional.of(LocalDate.of(2024, 12, 1)));
        assertThat(changes.pendingDays()).containsExactly(LocalDate.of(2024, 11, 29));
    }
}
