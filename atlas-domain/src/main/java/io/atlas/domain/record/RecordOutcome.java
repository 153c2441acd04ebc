package io.atlas.domain.record;

import java.time.LocalDate;
import java.util.Optional;

/** What validation makes of one source record: a canonical row, or a rejection that is data, never an exception. */
public sealed interface RecordOutcome {

    record Accepted(CanonicalRecord record) implements RecordOutcome {}

    /**
     * A rejected record. {@code eventDay} is the UTC day of its timestamp when that timestamp was valid (the
     * record is then rejected in that day's run), empty when it has none (rejected in the file's earliest day).
     */
    record Rejected(RejectReason reason, String detail, Optional<LocalDate> eventDay) implements RecordOutcome {}
}
