package io.atlas.domain.record;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The outcome of reading an event timestamp: an instant (UTC, millisecond precision) or a reason it is unusable. */
public sealed interface TimestampCheck {

    record Valid(Instant instant) implements TimestampCheck {
        /** The UTC day the event belongs to. */
        public LocalDate utcDay() {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
    }

    record Invalid(RejectReason reason, String detail) implements TimestampCheck {}
}
