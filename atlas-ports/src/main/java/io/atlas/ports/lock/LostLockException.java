package io.atlas.ports.lock;

import io.atlas.ports.AtlasException;
import io.atlas.ports.ErrorCategory;

/**
 * A run found that its date's lock is no longer its own (its lease could not be renewed in time, or another run took
 * it over): it stops before publishing anything more, since another run may be writing the same date.
 */
public final class LostLockException extends AtlasException {
    private static final long serialVersionUID = 1L;

    /** @param subject the date (or lock) that was lost */
    public LostLockException(String subject, String detail) {
        super(ErrorCategory.TRANSIENT, "Cannot go on with " + subject + ": this run lost its lock (" + detail
                + "); another run may own the date now, rerun it once that one has ended");
    }
}
