package io.atlas.aws.lock;

import static java.util.Objects.requireNonNull;

import io.atlas.ports.storage.ObjectStore;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.catalog.CatalogException;
import io.atlas.ports.lock.CatalogLocks;
import io.atlas.ports.lock.RunConflictException;
import io.atlas.ports.lock.RunLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Catalog table locks in an S3 lake: {@code _atlas/locks/catalog/<database>.<table>.lock}, taken with the same
 * conditional puts and leases as the run locks (a holder keeps it for one read-change-write of the table, well under a
 * second), waited for by polling. A dead holder's lock is taken over once its lease has run out.
 */
public final class S3CatalogLocks implements CatalogLocks {
    private static final Duration POLL = Duration.ofMillis(100);

    private final S3RunLocks leases;
    private final Clock clock;
    private final Duration wait;

    public S3CatalogLocks(ObjectStore store, Clock clock, Duration lease, Duration wait) {
        this.leases = new S3RunLocks(requireNonNull(store, "store is null"), clock, lease);
        this.clock = requireNonNull(clock, "clock is null");
        this.wait = requireNonNull(wait, "wait is null");
    }

    @Override
    public RunLocks.Held lock(String database, String table) {
        ObjectKey key = ObjectKey.of(LakeLayout.ATLAS_STATE + "locks/catalog/" + database + "." + table + ".lock");
        RunId owner = RunId.of("catalog-" + UUID.randomUUID());
        Instant deadline = clock.instant().plus(wait);
        while (true) {
            try {
                return leases.acquire(key, owner);
            } catch (RunConflictException busy) {
                if (!clock.instant().isBefore(deadline)) {
                    throw new CatalogException(ErrorCategory.TRANSIENT, "Cannot lock catalog table " + database + "."
                            + table + ": still held after " + wait + " (" + busy.getMessage() + ")");
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CatalogException(ErrorCategory.TRANSIENT, "Cannot lock catalog table " + database + "."
                            + table + ": interrupted");
                }
            }
        }
    }
}
