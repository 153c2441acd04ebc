package io.atlas.ports.testing;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.LocalFiles;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault injection: counts every call to the store and, at call number {@code failAt}, runs the fault instead (throws a
 * transient storage failure, or halts the JVM as a crash would). {@code failAt = 0} never fails: a counting run.
 */
public final class FaultyObjectStore implements ObjectStore, LocalFiles {
    /** What happens at the chosen call. */
    @FunctionalInterface
    public interface Fault {
        void strike(long call, String operation);

        Fault THROW = (call, operation) -> {
            throw new StorageException(ErrorCategory.TRANSIENT, "Injected failure at call " + call + " (" + operation + ")");
        };

        Fault HALT = (call, operation) -> Runtime.getRuntime().halt(137);
    }

    private final ObjectStore delegate;
    private final long failAt;
    private final Fault fault;
    private final AtomicLong calls = new AtomicLong();

    public FaultyObjectStore(ObjectStore delegate, long failAt, Fault fault) {
        this.delegate = delegate;
        this.failAt = failAt;
        this.fault = fault;
    }

    public long calls() {
        return calls.get();
    }

    private void call(String operation) {
        long n = calls.incrementAndGet();
        if (n == failAt) {
            fault.strike(n, operation);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        call("list " + prefix);
        return delegate.list(prefix);
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) {
        call("stat " + key);
        return delegate.stat(key);
    }

    @Override
    public InputStream open(ObjectKey key) {
        call("open " + key);
        return delegate.open(key);
    }

    @Override
    public void write(ObjectKey key, InputStream content) {
        call("write " + key);
        delegate.write(key, content);
    }

    @Override
    public void write(ObjectKey key, Path file) {
        call("write " + key);
        delegate.write(key, file);
    }

    @Override
    public void copy(ObjectKey source, ObjectKey target) {
        call("copy " + source + " -> " + target);
        delegate.copy(source, target);
    }

    @Override
    public boolean delete(ObjectKey key) {
        call("delete " + key);
        return delegate.delete(key);
    }

    @Override
    public Path newStagingFile(String suffix) {
        return ((LocalFiles) delegate).newStagingFile(suffix);
    }

    @Override
    public void moveIntoPlace(Path staged, ObjectKey key) {
        call("move " + key);
        ((LocalFiles) delegate).moveIntoPlace(staged, key);
    }

    @Override
    public List<String> unaddressable(String prefix) {
        return delegate instanceof LocalFiles local ? local.unaddressable(prefix) : List.of();
    }

    @Override
    public Optional<Path> localPath(ObjectKey key) {
        return delegate instanceof LocalFiles local ? local.localPath(key) : Optional.empty();
    }
}
