package io.atlas.domain.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * SPEC §5: the process date a scheduled trigger works on is the UTC day before the trigger instant ("yesterday",
 * for the default trigger at 00:00 UTC). The only rule that turns time into a date; the instant comes from the
 * scheduler's clock.
 */
public final class ProcessDateRule {
    private ProcessDateRule() {}

    public static LocalDate processDateFor(Instant trigger) {
        return LocalDate.ofInstant(trigger, ZoneOffset.UTC).minusDays(1);
    }
}
