package io.atlas.ports.inmemory;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.ConditionalWrites;
import io.atlas.ports.storage.NoSuchObjectException;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An object store in memory, for tests and for embedding without a disk. Thread-safe. */
public final class InMemoryObjectStore implements ObjectStore, ConditionalWrites {
    /** An object's content; {@code version} grows with every write of any object. */
    private record Blob(byte[] bytes, Instant modified, long version) {}

    private final java.util.concurrent.atomic.AtomicLong versions = new java.util.concurrent.atomic.AtomicLong();

    private final ConcurrentSkipListMap<ObjectKey, Blob> objects = new ConcurrentSkipListMap<>();
    private final Clock clock;

    /** @param clock supplies modification times (tests pass a fixed clock) */
    public InMemoryObjectStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        return objects.entrySet().stream()
                .filter(e -> e.getKey().value().startsWith(prefix))
                .map(e -> new ObjectInfo(e.getKey(), e.getValue().bytes().length, e.getValue().modified()))
                .toList();
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) {
        Blob blob = objects.get(key);
        return blob == null ? Optional.empty() : Optional.of(new ObjectInfo(key, blob.bytes().length, blob.modified()));
    }

    @Override
    public InputStream open(ObjectKey key) {
        Blob blob = objects.get(key);
        if (blob == null) {
            throw new NoSuchObjectException(key);
        }
        return new ByteArrayInputStream(blob.bytes());
    }

    @Override
    public void write(ObjectKey key, InputStream content) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot write " + key + ": " + e.getMessage(), e);
        }
        objects.put(key, blob(bytes));
    }

    @Override
    public void copy(ObjectKey source, ObjectKey target) {
        Blob blob = objects.get(source);
        if (blob == null) {
            throw new NoSuchObjectException(source);
        }
        objects.put(target, blob(blob.bytes()));
    }

    @Override
    public boolean delete(ObjectKey key) {
        return objects.remove(key) != null;
    }

    private Blob blob(byte[] bytes) {
        return new Blob(bytes, clock.instant(), versions.incrementAndGet());
    }

    @Override
    public Optional<ConditionalWrites> conditionalWrites() {
        return Optional.of(this);
    }

    @Override
    public boolean createIfAbsent(ObjectKey key, byte[] bytes) {
        return objects.putIfAbsent(key, blob(bytes.clone())) == null;
    }

    @Override
    public Optional<Versioned> readVersioned(ObjectKey key) {
        Blob blob = objects.get(key);
        return blob == null ? Optional.empty() : Optional.of(new Versioned(blob.bytes().clone(), Long.toString(blob.version())));
    }

    @Override
    public boolean replaceIfMatch(ObjectKey key, byte[] bytes, String version) {
        Blob current = objects.get(key);
        return current != null && Long.toString(current.version()).equals(version)
                && objects.replace(key, current, blob(bytes.clone()));
    }
}
