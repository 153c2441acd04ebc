package io.atlas.aws.lock;

import static java.util.Objects.requireNonNull;

import io.atlas.ports.storage.ConditionalWrites;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
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

/**
 * Run locks in an S3 lake: {@code _atlas/locks/<date>.lock} created with a conditional put ({@code If-None-Match: *}),
 * so exactly one run creates it. The lock holds its owner and a lease; the holder renews the lease every third of it
 * with {@code If-Match} on the lock's ETag. A run that finds an expired lock takes it over with the same
 * {@code If-Match} put, so of several contenders exactly one wins. S3 has honoured conditional writes since 2024;
 * a server that ignores them (some S3-compatible stores) gives no mutual exclusion.
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

    private byte[] content(RunId owner) {
        return (owner.value() + "\n" + clock.instant().plus(lease)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Held acquire(LocalDate date, RunId owner) {
        ObjectKey key = key(date);
        if (!store.createIfAbsent(key, content(owner))) {
            Optional<ConditionalWrites.Versioned> current = store.readVersioned(key);
            if (current.isEmpty()) {
                if (!store.createIfAbsent(key, content(owner))) {
                    throw new RunConflictException(date, "another run took the lock " + key);
                }
            } else {
                String[] lines = new String(current.get().bytes(), StandardCharsets.UTF_8).split("\n");
                Instant expires = lines.length > 1 ? Instant.parse(lines[1].strip()) : Instant.EPOCH;
                if (clock.instant().isBefore(expires)) {
                    throw new RunConflictException(date, "run " + lines[0] + ", lease until " + expires);
                }
                if (!store.replaceIfMatch(key, content(owner), current.get().version())) {
                    throw new RunConflictException(date, "another run took over the expired lock of " + lines[0]);
                }
            }
        }
        return new Renewed(key, owner);
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

        Renewed(ObjectKey key, RunId owner) {
            this.key = key;
            store.readVersioned(key).ifPresent(v -> etag.set(v.version()));
            long period = Math.max(1, lease.toMillis() / 3);
            renewer.scheduleAtFixedRate(() -> {
                String current = etag.get();
                if (current != null && store.replaceIfMatch(key, content(owner), current)) {
                    store.readVersioned(key).ifPresent(v -> etag.set(v.version()));
                }
            }, period, period, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            renewer.shutdownNow();
            objects.delete(key);
        }
    }
}
