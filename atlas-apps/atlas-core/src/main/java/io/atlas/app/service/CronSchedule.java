package io.atlas.app.service;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** A five-field UNIX cron expression evaluated in UTC ({@code 0 0 * * *}: every day at 00:00 UTC). */
public final class CronSchedule {
    public static final String DAILY_AT_MIDNIGHT_UTC = "0 0 * * *";
    private final String expression;
    private final ExecutionTime execution;

    public CronSchedule(String expression) {
        this.expression = expression;
        try {
            this.execution = ExecutionTime.forCron(
                    new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX)).parse(expression).validate());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid cron expression '" + expression + "': " + e.getMessage(), e);
        }
    }

    /** The first trigger strictly after {@code instant}. */
    public Instant nextAfter(Instant instant) {
        return execution.nextExecution(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC))
                .orElseThrow(() -> new IllegalStateException("Cron '" + expression + "' never fires again"))
                .toInstant();
    }

    @Override
    public String toString() {
        return expression + " (UTC)";
    }
}
