package io.atlas.ports.engine;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.run.RunContext;
import java.time.LocalDate;

/**
 * The two batch jobs of SPEC §3-§4. Both are deterministic in their inputs: rerunning a date gives the same rows,
 * whatever the file order, thread count or engine. Neither reads a clock: the date is given.
 */
public interface Engine {

    /**
     * Job 1: reads {@code validated/*}/D only and replaces D's partitions of {@code processed/logs} (both log types,
     * even when empty) and {@code rejected/data_quality}. Nothing is published unless all of D is.
     *
     * @throws EngineException when a file cannot be read; D's previous output stays in place
     */
    NormalizeResult normalize(RunContext context, LocalDate processDate);

    /** Job 2: reads D's processed rows and rejects and replaces D's row of {@code analytics/daily_activity}. */
    DailyActivity aggregate(RunContext context, LocalDate processDate);
}
