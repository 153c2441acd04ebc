package io.atlas.ports.storage;

import io.atlas.domain.lake.ObjectKey;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An optional ability of an {@link ObjectStore} whose objects are files on this machine: writers stage a file in
 * the store's own filesystem and move it into place (one rename, no copy); readers open the file directly.
 */
public interface LocalFiles {

    /** A new empty file on the store's filesystem, outside every listing, for {@link #moveIntoPlace}. */
    Path newStagingFile(String suffix);

    /** Publishes a staged file as {@code key} atomically (a rename), replacing any previous version. */
    void moveIntoPlace(Path staged, ObjectKey key);

    /** The file behind {@code key}, when it exists. */
    Optional<Path> localPath(ObjectKey key);

    /**
     * Files below {@code prefix} whose names cannot be keys (control characters, '.' segments...), which listings
     * leave out: callers report them rather than let them sit unnoticed.
     */
    default java.util.List<String> unaddressable(String prefix) {
        return java.util.List.of();
    }
}
