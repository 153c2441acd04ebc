package io.atlas.ports.storage;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.ObjectKey;
import java.util.Optional;

/**
 * An optional ability of an {@link ObjectStore}: writes that succeed only if the object is as the writer last saw
 * it, for locks and other state that several processes update (first writer wins, compare-and-swap). On S3 these
 * are conditional PUTs ({@code If-None-Match: *}, {@code If-Match: <etag>}); ask a store for it with
 * {@link ObjectStore#conditionalWrites()}.
 */
public interface ConditionalWrites {

    /** An object's bytes with the version a {@link #replaceIfMatch} must name. */
    record Versioned(byte[] bytes, String version) {
        public Versioned {
            requireNonNull(bytes, "bytes is null");
            requireNonNull(version, "version is null");
        }
    }

    /** Creates {@code key} only if it does not exist; false when another writer got there first. */
    boolean createIfAbsent(ObjectKey key, byte[] bytes);

    /** The object's bytes and current version; empty when it does not exist. */
    Optional<Versioned> readVersioned(ObjectKey key);

    /** Replaces {@code key} only if its version is still {@code version}; false when it changed or is gone. */
    boolean replaceIfMatch(ObjectKey key, byte[] bytes, String version);
}
