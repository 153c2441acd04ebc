package io.atlas.ports.storage;

import io.atlas.domain.lake.ObjectKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The lake's storage: a flat namespace of keys (an S3 bucket prefix or a local directory). Every Atlas component
 * reads and writes the lake through this port only.
 *
 * <p>Failures are unchecked {@link StorageException}s; a missing key where one is required is a
 * {@link NoSuchObjectException}.
 */
public interface ObjectStore {

    /**
     * The objects whose key starts with {@code prefix} (a plain string prefix, not necessarily ending in {@code /}),
     * in ascending order of the keys' UTF-8 bytes (the order of S3 listings; a local directory sorts to match). An
     * empty prefix lists everything. A prefix nothing starts with gives an empty list, never an error. Objects
     * written while a listing runs may or may not appear.
     */
    List<ObjectInfo> list(String prefix);

    /** The object's size and modification time, or empty when it does not exist. */
    Optional<ObjectInfo> stat(ObjectKey key);

    /**
     * Opens the object for a streaming read; the caller closes the stream.
     *
     * @throws NoSuchObjectException when it does not exist
     */
    InputStream open(ObjectKey key);

    /**
     * Opens the object for a streaming read from byte {@code offset} on (so several threads can read one large
     * file); an offset at or past the end gives an empty stream. Stores that can seek override this default, which
     * reads and discards the bytes before {@code offset}.
     *
     * @throws NoSuchObjectException when it does not exist
     */
    default InputStream open(ObjectKey key, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
        InputStream in = open(key);
        try {
            in.skipNBytes(offset);
            return in;
        } catch (java.io.EOFException pastTheEnd) {
            return in;
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StorageException(io.atlas.ports.ErrorCategory.TRANSIENT, "Cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the whole object from {@code content}, replacing any previous version. Atomic: a reader sees the old
     * object (or none) until the new one is complete, never a part. If the write fails, the previous version
     * stays. The stream is read to its end but not closed.
     */
    void write(ObjectKey key, InputStream content);

    /**
     * Server-side copy, replacing {@code target}; atomic for readers of {@code target} like {@link #write}.
     *
     * @throws NoSuchObjectException when {@code source} does not exist
     */
    void copy(ObjectKey source, ObjectKey target);

    /** Deletes the object; returns whether it existed. Deleting a missing key is not an error. */
    boolean delete(ObjectKey key);

    /**
     * Deletes every key of {@code keys}; keys that do not exist are not an error. Stores with a batch delete override
     * this default, which deletes one key at a time (S3: {@code DeleteObjects}, 1,000 keys a request).
     */
    default void deleteAll(List<ObjectKey> keys) {
        keys.forEach(this::delete);
    }

    /** Writes {@code bytes}; see {@link #write(ObjectKey, InputStream)}. */
    default void write(ObjectKey key, byte[] bytes) {
        write(key, new java.io.ByteArrayInputStream(bytes));
    }

    /** Writes the content of a local file; see {@link #write(ObjectKey, InputStream)}. */
    default void write(ObjectKey key, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            write(key, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " to write " + key, e);
        }
    }

    /** Reads the whole object; for small objects (sidecars, markers, state files) only. */
    default byte[] readAllBytes(ObjectKey key) {
        try (InputStream in = open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StorageException(io.atlas.ports.ErrorCategory.TRANSIENT, "Cannot read " + key + ": " + e.getMessage(), e);
        }
    }

    /** Whether the object exists. */
    default boolean exists(ObjectKey key) {
        return stat(key).isPresent();
    }

    /**
     * The store's objects as files on this machine, when they are (a local lake): writers then stage and rename
     * instead of copying. A decorating store returns its delegate's ability, so wrapping never hides it.
     */
    default Optional<LocalFiles> localFiles() {
        return Optional.empty();
    }

    /** Conditional writes (create-if-absent, compare-and-swap), when the store supports them. */
    default Optional<ConditionalWrites> conditionalWrites() {
        return Optional.empty();
    }
}
