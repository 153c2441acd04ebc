package io.atlas.ports.storage;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.ObjectKey;
import java.time.Instant;

/** An object as a listing or a stat shows it. */
public record ObjectInfo(ObjectKey key, long size, Instant lastModified) {
    public ObjectInfo {
        requireNonNull(key, "key is null");
        requireNonNull(lastModified, "lastModified is null");
        if (size < 0) {
            throw new IllegalArgumentException("size is negative: " + size);
        }
    }
}
