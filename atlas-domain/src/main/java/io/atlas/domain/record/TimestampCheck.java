package io.atlas.domain.record;

import java.time.Instant;
import java.time.LocalDate;

/** The outcome of reading an event timestamp: an instant (UTC, millisecond precision) or a reason it is unusable. */
public sealed interface TimestampCheck {

    record Valid(Instant instant) implements TimestampCheck {
        private static final long SECONDS_PER_DAY = 86_400;

        /** The UTC day the event belongs to. */
        public LocalDate utcDay() {
            return LocalDate.ofEpochDay(utcEpochDay());
        }

        /**
         * {@link #utcDay()} as days since 1970-01-01, without a {@code LocalDate} (nor the zone rules that
         * {@code LocalDate.ofInstant} builds at every call).
         */
        public long utcEpochDay() {
            return Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
        }
    }

    record Invalid(RejectReason reason, String detail) implements TimestampCheck {}
}
