package io.atlas.app.cli;

import io.atlas.app.Atlas;
import io.atlas.app.service.CronSchedule;
import io.atlas.app.service.DayChangeLog;
import io.atlas.app.service.RunContexts;
import io.atlas.app.service.Scheduler;
import io.atlas.domain.schedule.SchedulePlan;
import io.atlas.ports.ledger.RunRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Runs the pipeline on a cron schedule (UTC): at each trigger, yesterday plus every pending day "
                + "within the lookback window, oldest first. Pending days older than the window are reported as "
                + "needing 'atlas backfill'. The only command that reads the clock to choose a date.",
            "Runs until stopped (Ctrl-C), or once with --once."})
final class ScheduleCommand extends LakeCommand {
    @Option(names = "--cron", defaultValue = CronSchedule.DAILY_AT_MIDNIGHT_UTC,
            description = "Five-field cron expression in UTC (default: '${DEFAULT-VALUE}', daily at 00:00).")
    String cron;

    @Option(names = "--lookback-days", description = "Pending days up to this many days back are run (default: 30).")
    Integer lookbackDays;

    @Option(names = "--once", description = "Run one trigger now and exit.")
    boolean once;

    @Override
    public Integer call() throws InterruptedException {
        CronSchedule schedule;
        try {
            schedule = new CronSchedule(cron);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (lookbackDays != null && lookbackDays < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--lookback-days must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Atlas atlas = root.open()) {
            int lookback = lookbackDays != null ? lookbackDays : atlas.settings().lookbackDays();
            RunContexts clock = atlas.component(RunContexts.class);
            Scheduler scheduler = new Scheduler(schedule, clock.clock(), lookback, atlas.component(DayChangeLog.class), atlas::run);
            boolean[] failed = {false};
            Scheduler.Listener listener = new Scheduler.Listener() {
                @Override
                public void triggered(Instant trigger, SchedulePlan plan) {
                    out.println(trigger + ": running " + plan.run());
                    if (!plan.tooOld().isEmpty()) {
                        out.println(trigger + ": pending days older than " + lookback + " days need 'atlas backfill': " + plan.tooOld());
                    }
                    out.flush();
                }

                @Override
                public void ran(LocalDate date, RunRecord run) {
                    out.println(date + ": " + run.state() + " (run " + run.runId() + ", " + Outputs.duration(run) + ")");
                    out.flush();
                    failed[0] |= run.state() != io.atlas.ports.ledger.RunState.SUCCEEDED;
                }

                @Override
                public void busy(LocalDate date, io.atlas.ports.lock.RunConflictException conflict) {
                    out.println(date + ": skipped, " + conflict.getMessage());
                    out.flush();
                    failed[0] = true;
                }
            };
            if (once) {
                scheduler.tick(clock.now(), listener);
                return failed[0] ? AtlasCli.FAILED : AtlasCli.OK;
            }
            out.println("Scheduling " + schedule + ", lookback " + lookback + " days; next trigger " + scheduler.nextTrigger());
            out.flush();
            AtomicBoolean stop = new AtomicBoolean();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
            scheduler.runUntil(stop::get, listener);
            return AtlasCli.OK;
        }
    }
}
