package io.atlas.local.lock;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.run.RunId;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.lock.RunConflictException;
import io.atlas.ports.lock.RunLocks;
import io.atlas.ports.storage.StorageException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

/**
 * Run locks on a local lake: {@code _atlas/locks/<date>.lock}, held with an operating-system file lock for the whole
 * run. The file names its holder (run id, process id, host) for the error a second run gets. A crashed holder needs no
 * lease: the operating system releases the lock of a dead process, so the next run simply takes it.
 */
public final class FileRunLocks implements RunLocks {
    private final Path directory;

    public FileRunLocks(Path lakeRoot) {
        this.directory = requireNonNull(lakeRoot, "lakeRoot is null").resolve(LakeLayout.ATLAS_STATE + "locks");
    }

    @Override
    public Held acquire(LocalDate date, RunId owner) {
        Path file = directory.resolve(date + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(directory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new RunConflictException(date, holder.isEmpty() ? "lock " + file : holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(describe(owner).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            FileChannel held = channel;
            FileLock heldLock = lock;
            return () -> {
                try {
                    held.truncate(0);
                    heldLock.release();
                    held.close();
                } catch (IOException e) {
                    // closing the channel releases the lock in any case
                }
            };
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the lock was not taken
                }
            }
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot lock " + date + ": " + io.atlas.local.storage.IoReasons.describe(e), e);
        }
    }

    private static String describe(RunId owner) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return "run " + owner.value() + ", process " + ProcessHandle.current().pid() + " on " + host;
    }
}
