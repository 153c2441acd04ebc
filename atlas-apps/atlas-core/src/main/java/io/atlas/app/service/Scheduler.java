package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.schedule.SchedulePlan;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.lock.RunConflictException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * {@code atlas schedule}: the only code that reads the clock to choose data. At each cron trigger it runs the
 * {@link SchedulePlan}: yesterday plus the pending days within the lookback window.
 */
public final class Scheduler {
    /** Notified of each trigger and each run. */
    public interface Listener {
        void triggered(Instant trigger, SchedulePlan plan);

        void ran(LocalDate date, RunRecord run);

        /** Another process is running {@code date}: skipped this time (it stays pending if its input changed). */
        void busy(LocalDate date, RunConflictException conflict);
    }

    private final CronSchedule cron;
    private final Clock clock;
    private final int lookbackDays;
    private final DayChangeLog changes;
    private final Function<LocalDate, RunRecord> runDay;

    public Scheduler(CronSchedule cron, Clock clock, int lookbackDays, DayChangeLog changes,
            Function<LocalDate, RunRecord> runDay) {
        this.cron = requireNonNull(cron, "cron is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.lookbackDays = lookbackDays;
        this.changes = requireNonNull(changes, "changes is null");
        this.runDay = requireNonNull(runDay, "runDay is null");
    }

    /**
     * Runs what a trigger at {@code trigger} must run; returns the runs in date order. A date another process is
     * running is reported to the listener and skipped; the other dates still run.
     */
    public List<RunRecord> tick(Instant trigger, Listener listener) {
        SchedulePlan plan = SchedulePlan.forTrigger(trigger, changes.pendingDays(), lookbackDays);
        listener.triggered(trigger, plan);
        List<RunRecord> runs = new ArrayList<>();
        for (LocalDate date : plan.run()) {
            RunRecord run;
            try {
                run = runDay.apply(date);
            } catch (RunConflictException conflict) {
                listener.busy(date, conflict);
                continue;
            }
            listener.ran(date, run);
            runs.add(run);
        }
        return runs;
    }

    /** The next trigger after now. */
    public Instant nextTrigger() {
        return cron.nextAfter(clock.instant());
    }

    /** Sleeps until each trigger and runs it, until {@code stop} says so (checked at least every second). */
    public void runUntil(BooleanSupplier stop, Listener listener) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            Instant next = nextTrigger();
            while (!stop.getAsBoolean()) {
                Duration wait = Duration.between(clock.instant(), next);
                if (wait.isNegative() || wait.isZero()) {
                    break;
                }
                Thread.sleep(Math.min(wait.toMillis(), 1000L));
            }
            if (!stop.getAsBoolean()) {
                tick(next, listener);
            }
        }
    }
}
