package io.atlas.ports.lock;

import io.atlas.domain.run.RunId;
import java.time.LocalDate;

/**
 * One run per process date at a time. {@link #acquire} either returns the held lock or fails fast with
 * {@link RunConflictException} naming the holder. A holder that dies releases its lock: on a local disk the operating
 * system releases the file lock of a dead process; on S3 the lock carries a lease that its holder renews and that
 * another run may take over once it has expired.
 */
public interface RunLocks {

    /**
     * Takes the lock of {@code date} for {@code owner}.
     *
     * @throws RunConflictException another live run holds it
     */
    Held acquire(LocalDate date, RunId owner);

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        /**
         * Fails if the lock is no longer this holder's (a lease that could not be renewed in time, or was taken over);
         * a run calls it before each step that publishes. A lock the operating system holds cannot be lost.
         *
         * @throws LostLockException the lock was lost
         */
        default void ensureHeld() {}

        @Override
        void close();
    }
}
