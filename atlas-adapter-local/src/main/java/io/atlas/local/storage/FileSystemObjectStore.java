package io.atlas.local.storage;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.lake.Utf8Order;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.LocalFiles;
import io.atlas.ports.storage.NoSuchObjectException;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lake on a local directory: a key is a file path below the root.
 *
 * <p>Writes and copies go to a staging file in {@code <root>/.atlas-staging/} (same filesystem, never listed) and
 * are renamed into place, so a reader sees the old file or the new one, never a part; an open reader keeps the
 * version it opened. Deleting a key also removes the directories it leaves empty, as S3 has no empty "folders".
 * Listings walk only the deepest directory the prefix names and sort keys by their UTF-8 bytes, as S3 does.
 * Symbolic links are not followed. Unlike S3, a key cannot be both an object and the parent of another
 * ({@code a/b} and {@code a/b/c}); writing such a key fails with a clear error.
 */
public final class FileSystemObjectStore implements ObjectStore, LocalFiles {
    /** Staging area for atomic writes; its name cannot be a key prefix of the layout and it is never listed. */
    public static final String STAGING_DIR = ".atlas-staging";
    private static final int MOVE_ATTEMPTS = 5;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path root;
    private final Path staging;

    public FileSystemObjectStore(Path root) {
        requireNonNull(root, "root is null");
        try {
            this.root = Files.createDirectories(root).toRealPath();
            this.staging = Files.createDirectories(this.root.resolve(STAGING_DIR));
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.USER_ERROR, "Cannot open lake " + root + ": " + IoReasons.describe(e), e);
        }
        StagingFiles.removeDead(staging);
    }

    public Path root() {
        return root;
    }

    private Path path(ObjectKey key) {
        Path path = root.resolve(key.value());
        if (!path.normalize().startsWith(root) || key.value().startsWith(STAGING_DIR + "/")) {
            throw new StorageException(ErrorCategory.USER_ERROR, "Cannot use key " + key + ": outside the lake");
        }
        return path;
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!start.normalize().startsWith(root) || !Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<ObjectInfo> objects = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(start)) {
            paths.forEach(path -> {
                if (path.startsWith(staging)) {
                    return;
                }
                BasicFileAttributes attributes = attributes(path);
                if (attributes == null || !attributes.isRegularFile()) {
                    return;
                }
                String relative = root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
                if (relative.startsWith(prefix) && ObjectKey.isValid(relative)) {
                    objects.add(new ObjectInfo(ObjectKey.of(relative), attributes.size(),
                            attributes.lastModifiedTime().toInstant()));
                }
            });
        } catch (IOException | UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException || e instanceof NoSuchFileException) {
                // a directory vanished while we walked it (a concurrent delete): list again
                return list(prefix);
            }
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot list " + prefix + ": " + (e instanceof IOException failure ? IoReasons.describe(failure) : e.getMessage()), e);
        }
        objects.sort(Comparator.comparing((ObjectInfo o) -> o.key().value(), Utf8Order::compare));
        return objects;
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) {
        BasicFileAttributes attributes = attributes(path(key));
        if (attributes == null || !attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new ObjectInfo(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
    }

    @Override
    public InputStream open(ObjectKey key) {
        return open(key, 0);
    }

    @Override
    public InputStream open(ObjectKey key, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
        Path path = path(key);
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchObjectException(key);
            }
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            try {
                channel.position(offset);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return Channels.newInputStream(channel);
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new NoSuchObjectException(key);
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot read " + key + ": " + IoReasons.describe(e), e);
        }
    }

    @Override
    public void write(ObjectKey key, InputStream content) {
        Path staged = newStagingFile(".part");
        try {
            Files.copy(content, staged, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot write " + key + ": " + IoReasons.describe(e), e);
        }
        moveIntoPlace(staged, key);
    }

    @Override
    public void copy(ObjectKey source, ObjectKey target) {
        Path from = path(source);
        if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchObjectException(source);
        }
        Path staged = newStagingFile(".copy");
        try {
            Files.copy(from, staged, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            deleteQuietly(staged);
            throw new NoSuchObjectException(source);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot copy " + source + " to " + target + ": " + IoReasons.describe(e), e);
        }
        moveIntoPlace(staged, target);
    }

    @Override
    public boolean delete(ObjectKey key) {
        Path path = path(key);
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            boolean existed = Files.deleteIfExists(path);
            pruneEmptyParents(path.getParent());
            return existed;
        } catch (NotDirectoryException e) {
            return false;
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot delete " + key + ": " + IoReasons.describe(e), e);
        }
    }

    /** Removes directories a delete left empty, keeping the top two levels ({@code raw/ndjson/}) that producers expect. */
    private void pruneEmptyParents(Path directory) {
        Path current = directory;
        while (current != null && current.startsWith(root) && root.relativize(current).getNameCount() > 2) {
            try {
                Files.delete(current);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            } catch (IOException e) {
                return; // leaving an empty directory behind is harmless
            }
            current = current.getParent();
        }
    }

    @Override
    public Path newStagingFile(String suffix) {
        try {
            // Not Files.createTempFile: it makes the file 0600, and a renamed staging file keeps its mode, so every part
            // file would be unreadable to anyone but its writer. createFile honours the process umask (0644 typically).
            for (int attempt = 1; ; attempt++) {
                Path file = staging.resolve(StagingFiles.prefix() + Long.toUnsignedString(RANDOM.nextLong(), 36) + suffix);
                try {
                    return Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    if (attempt == MOVE_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot create a staging file in " + staging + ": "
                    + IoReasons.describe(e), e);
        }
    }

    @Override
    public void moveIntoPlace(Path staged, ObjectKey key) {
        Path target = path(key);
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(target.getParent());
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (NoSuchFileException e) {
                // a concurrent delete pruned the parent directory between creating and moving: try again
                if (attempt == MOVE_ATTEMPTS) {
                    deleteQuietly(staged);
                    throw new StorageException(ErrorCategory.TRANSIENT, "Cannot write " + key + ": " + IoReasons.describe(e), e);
                }
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException | NotDirectoryException e) {
                deleteQuietly(staged);
                throw new StorageException(ErrorCategory.USER_ERROR, "Cannot write " + key
                        + ": on a local disk a key cannot also be the folder of another key (" + e.getMessage() + ")", e);
            } catch (AtomicMoveNotSupportedException e) {
                deleteQuietly(staged);
                throw new StorageException(ErrorCategory.INTERNAL, "Cannot write " + key + ": the filesystem cannot rename atomically", e);
            } catch (IOException e) {
                deleteQuietly(staged);
                throw new StorageException(ErrorCategory.TRANSIENT, "Cannot write " + key + ": " + IoReasons.describe(e), e);
            }
        }
    }

    @Override
    public List<String> unaddressable(String prefix) {
        Path start = root.resolve(prefix.contains("/") ? prefix.substring(0, prefix.lastIndexOf('/')) : "");
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(start)) {
            return paths.filter(p -> !p.startsWith(staging) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString())
                    .filter(relative -> relative.startsWith(prefix) && !ObjectKey.isValid(relative))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    @Override
    public Optional<Path> localPath(ObjectKey key) {
        Path path = path(key);
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? Optional.of(path) : Optional.empty();
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a stray staging file is removed by the next cleanup; nothing to do
        }
    }

    @Override
    public String toString() {
        return "lake " + root;
    }

    @Override
    public Optional<LocalFiles> localFiles() {
        return Optional.of(this);
    }
}
