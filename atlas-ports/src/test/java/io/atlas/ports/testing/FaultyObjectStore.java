package io.atlas.ports.testing;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.ConditionalWrites;
import io.atlas.ports.storage.LocalFiles;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Fault injection: counts every call to the store and, at call number {@code failAt}, runs the fault instead (throws a
 * transient storage failure, or halts the JVM as a crash would). {@code failAt = 0} never fails: a counting run.
 */
public final class FaultyObjectStore implements ObjectStore {
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
    private final Predicate<String> strikeOn;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicBoolean struck = new AtomicBoolean();

    public FaultyObjectStore(ObjectStore delegate, long failAt, Fault fault) {
        this(delegate, failAt, operation -> false, fault);
    }

    private FaultyObjectStore(ObjectStore delegate, long failAt, Predicate<String> strikeOn, Fault fault) {
        this.delegate = delegate;
        this.failAt = failAt;
        this.strikeOn = strikeOn;
        this.fault = fault;
    }

    /** Strikes at the first call whose operation ({@code "write <key>"}, {@code "move <key>"}, ...) matches. */
    public static FaultyObjectStore atFirst(ObjectStore delegate, Predicate<String> operation, Fault fault) {
        return new FaultyObjectStore(delegate, 0, operation, fault);
    }

    public long calls() {
        return calls.get();
    }

    private void call(String operation) {
        long n = calls.incrementAndGet();
        if (n == failAt || (strikeOn.test(operation) && struck.compareAndSet(false, true))) {
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
    public Optional<LocalFiles> localFiles() {
        return delegate.localFiles().map(FaultyLocalFiles::new);
    }

    @Override
    public Optional<ConditionalWrites> conditionalWrites() {
        return delegate.conditionalWrites().map(FaultyConditionalWrites::new);
    }

    /** The delegate's local files, with moves counted as store calls. */
    private final class FaultyLocalFiles implements LocalFiles {
        private final LocalFiles local;

        FaultyLocalFiles(LocalFiles local) {
            this.local = local;
        }

        @Override
        public Path newStagingFile(String suffix) {
            return local.newStagingFile(suffix);
        }

        @Override
        public void moveIntoPlace(Path staged, ObjectKey key) {
            call("move " + key);
            local.moveIntoPlace(staged, key);
        }

        @Override
        public List<String> unaddressable(String prefix) {
            return local.unaddressable(prefix);
        }

        @Override
        public Optional<Path> localPath(ObjectKey key) {
            return local.localPath(key);
        }
    }

    /** The delegate's conditional writes, each counted as a store call. */
    private final class FaultyConditionalWrites implements ConditionalWrites {
        private final ConditionalWrites writes;

        FaultyConditionalWrites(ConditionalWrites writes) {
            this.writes = writes;
        }

        @Override
        public boolean createIfAbsent(ObjectKey key, byte[] bytes) {
            call("create " + key);
            return writes.createIfAbsent(key, bytes);
        }

        @Override
        public Optional<Versioned> readVersioned(ObjectKey key) {
            call("read " + key);
            return writes.readVersioned(key);
        }

        @Override
        public boolean replaceIfMatch(ObjectKey key, byte[] bytes, String version) {
            call("replace " + key);
            return writes.replaceIfMatch(key, bytes, version);
        }
    }
}
