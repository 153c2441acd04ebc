package io.atlas.ports.lock;

import io.atlas.ports.AtlasException;
import io.atlas.ports.ErrorCategory;
import java.time.LocalDate;

/** A run for a date that another run is processing right now. */
public final class RunConflictException extends AtlasException {
    private static final long serialVersionUID = 1L;

    public RunConflictException(LocalDate date, String holder) {
        this(date.toString(), holder);
    }

    /** @param subject what is held: a date, or a lock's key */
    public RunConflictException(String subject, String holder) {
        super(ErrorCategory.TRANSIENT, "Cannot run " + subject + ": it is already running (" + holder + ")");
    }
}
