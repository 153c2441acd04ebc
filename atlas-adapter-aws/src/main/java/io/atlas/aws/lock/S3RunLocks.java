package io.atlas.aws.lock;

import static java.util.Objects.requireNonNull;

import io.atlas.ports.storage.ConditionalWrites;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.lock.LostLockException;
import io.atlas.ports.lock.RunConflictException;
import io.atlas.ports.lock.RunLocks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Run locks in an S3 lake: {@code _atlas/locks/<date>.lock} created with a conditional put ({@code If-None-Match: *}),
 * so exactly one run creates it. The lock holds its owner and a lease; the holder renews the lease every third of it
 * with {@code If-Match} on the lock's ETag. A run that finds an expired lock takes it over with the same
 * {@code If-Match} put, so of several contenders exactly one wins. The lease is short ({@code atlas.lock.lease}, 60 s
 * by default), so a rerun after a crash waits at most one lease. A holder whose renewal fails (another run took the
 * lock over) or whose lease ran out unrenewed has lost the lock: {@link Held#ensureHeld()} then fails, and the run stops
 * before its next step publishes. S3 has honoured conditional writes since 2024; a server that ignores them (some
 * S3-compatible stores) gives no mutual exclusion.
 */
public final class S3RunLocks implements RunLocks {
    private final ConditionalWrites store;
    private final ObjectStore objects;
    private final Clock clock;
    private final Duration lease;

    /**
     * @param lake a store with {@link ObjectStore#conditionalWrites() conditional writes}
     * @throws IllegalArgumentException when the store has none (no mutual exclusion would be possible)
     */
    public S3RunLocks(ObjectStore lake, Clock clock, Duration lease) {
        this.objects = requireNonNull(lake, "lake is null");
        this.store = lake.conditionalWrites().orElseThrow(() -> new IllegalArgumentException(
                "Cannot lock runs on " + lake + ": the store has no conditional writes"));
        this.clock = requireNonNull(clock, "clock is null");
        this.lease = requireNonNull(lease, "lease is null");
    }

    private static ObjectKey key(LocalDate date) {
        return ObjectKey.of(LakeLayout.ATLAS_STATE + "locks/" + date + ".lock");
    }

    private byte[] content(RunId owner, Instant until) {
        return (owner.value() + "\n" + until).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Held acquire(LocalDate date, RunId owner) {
        return acquire(date, key(date), owner);
    }

    /** Takes the lock at {@code key} (a catalog table's, for {@link S3CatalogLocks}). */
    Held acquire(ObjectKey key, RunId owner) {
        return acquire(null, key, owner);
    }

    private Held acquire(@Nullable LocalDate date, ObjectKey key, RunId owner) {
        Instant until = clock.instant().plus(lease);
        if (!store.createIfAbsent(key, content(owner, until))) {
            Optional<ConditionalWrites.Versioned> current = store.readVersioned(key);
            if (current.isEmpty()) {
                if (!store.createIfAbsent(key, content(owner, until))) {
                    throw new RunConflictException(subject(date, key), "another run took the lock " + key);
                }
            } else {
                String[] lines = new String(current.get().bytes(), StandardCharsets.UTF_8).split("\n");
                Instant expires = lines.length > 1 ? Instant.parse(lines[1].strip()) : Instant.EPOCH;
                if (clock.instant().isBefore(expires)) {
                    throw new RunConflictException(subject(date, key), "run " + lines[0] + ", lease until " + expires);
                }
                if (!store.replaceIfMatch(key, content(owner, until), current.get().version())) {
                    throw new RunConflictException(subject(date, key), "another run took over the expired lock of " + lines[0]);
                }
            }
        }
        return new Renewed(date, key, owner, until);
    }

    private static String subject(@Nullable LocalDate date, ObjectKey key) {
        return date == null ? key.value() : date.toString();
    }

    /** A held lock whose lease a daemon thread renews until it is closed. */
    private final class Renewed implements Held {
        private final ObjectKey key;
        private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "atlas-lock-lease");
            thread.setDaemon(true);
            return thread;
        });
        private final AtomicReference<String> etag = new AtomicReference<>();
        private final AtomicReference<Instant> until;
        private final AtomicReference<String> lost = new AtomicReference<>();
        private final @Nullable LocalDate date;

        Renewed(@Nullable LocalDate date, ObjectKey key, RunId owner, Instant until) {
            this.date = date;
            this.key = key;
            this.until = new AtomicReference<>(until);
            store.readVersioned(key).ifPresent(v -> etag.set(v.version()));
            long period = Math.max(1, lease.toMillis() / 3);
            renewer.scheduleAtFixedRate(() -> renew(owner), period, period, TimeUnit.MILLISECONDS);
        }

        /** The heartbeat: extends the lease if the lock is still this run's, else records that it was lost. */
        void renew(RunId owner) {
            if (lost.get() != null) {
                return;
            }
            try {
                String current = etag.get();
                Instant next = clock.instant().plus(lease);
                if (current != null && store.replaceIfMatch(key, content(owner, next), current)) {
                    until.set(next);
                    store.readVersioned(key).ifPresent(v -> etag.set(v.version()));
                } else {
                    lost.compareAndSet(null, "another run replaced " + key);
                }
            } catch (RuntimeException e) {
                // a failed renewal is retried at the next beat; ensureHeld() fails once the lease has run out
            }
        }

        @Override
        public void ensureHeld() {
            String why = lost.get();
            if (why != null) {
                throw new LostLockException(subject(date, key), why);
            }
            if (!clock.instant().isBefore(until.get())) {
                throw new LostLockException(subject(date, key), "its lease ran out at " + until.get() + " without a renewal");
            }
        }

        @Override
        public void close() {
            renewer.shutdownNow();
            String mine = etag.get();
            if (lost.get() == null && store.readVersioned(key).map(v -> v.version().equals(mine)).orElse(false)) {
                objects.delete(key);
            }
        }
    }
}
