package io.atlas.domain.normalize;

import java.time.LocalDate;
import java.util.Optional;

/**
 * SPEC §3: which run owns a record of a file that was routed to several days. A record with a valid timestamp
 * belongs to its event day; one without belongs to the file's earliest valid day, so it is rejected exactly once.
 * A file with no valid day at all (never routed by ingestion, only placed by hand) owns its timestamp-less
 * records in whichever day it sits.
 */
public final class RecordOwnership {
    private RecordOwnership() {}

    /** Whether the run for {@code processDate} owns the record. */
    public static boolean ownedBy(LocalDate processDate, Optional<LocalDate> eventDay, Optional<LocalDate> fileEarliestDay) {
        if (eventDay.isPresent()) {
            return eventDay.get().equals(processDate);
        }
        return fileEarliestDay.map(processDate::equals).orElse(true);
    }
}
