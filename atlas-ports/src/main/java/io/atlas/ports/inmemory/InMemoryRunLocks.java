package io.atlas.ports.inmemory;

import io.atlas.domain.run.RunId;
import io.atlas.ports.lock.RunConflictException;
import io.atlas.ports.lock.RunLocks;
import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;

/** Run locks within one JVM. */
public final class InMemoryRunLocks implements RunLocks {
    private final ConcurrentHashMap<LocalDate, RunId> held = new ConcurrentHashMap<>();

    @Override
    public Held acquire(LocalDate date, RunId owner) {
        RunId previous = held.putIfAbsent(date, owner);
        if (previous != null) {
            throw new RunConflictException(date, "run " + previous.value());
        }
        return () -> held.remove(date, owner);
    }
}
