package io.atlas.local.lock;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LakeLayout;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.catalog.CatalogException;
import io.atlas.ports.lock.CatalogLocks;
import io.atlas.ports.lock.RunLocks;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Catalog table locks on a local lake: {@code _atlas/locks/catalog/<database>.<table>.lock} held with a blocking
 * operating-system file lock for one read-change-write of the table. The operating system locks per process, so
 * threads of one process first take a lock of their own per file. A dead holder's lock is released by the operating
 * system; a live holder keeps it for milliseconds.
 */
public final class FileCatalogLocks implements CatalogLocks {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path directory;

    public FileCatalogLocks(Path lakeRoot) {
        this.directory = requireNonNull(lakeRoot, "lakeRoot is null").resolve(LakeLayout.ATLAS_STATE + "locks/catalog");
    }

    @Override
    public RunLocks.Held lock(String database, String table) {
        Path file = directory.resolve(database + "." + table + ".lock").toAbsolutePath().normalize();
        ReentrantLock threads = IN_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        threads.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            FileChannel held = channel;
            return () -> {
                try {
                    lock.release();
                    held.close();
                } catch (IOException e) {
                    // closing the channel releases the lock in any case
                } finally {
                    threads.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            threads.unlock();
            throw new CatalogException(ErrorCategory.TRANSIENT, "Cannot lock catalog table " + database + "." + table
                    + ": " + (e instanceof IOException failure ? io.atlas.local.storage.IoReasons.describe(failure) : e.getMessage()), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken
            }
        }
    }
}
