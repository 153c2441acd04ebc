package io.atlas.ports.storage;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.ErrorCategory;

/** The key does not exist (or no longer does). */
public final class NoSuchObjectException extends StorageException {
    private static final long serialVersionUID = 1L;
    private final transient ObjectKey key;

    public NoSuchObjectException(ObjectKey key) {
        super(ErrorCategory.USER_ERROR, "Cannot read " + key + ": no such object");
        this.key = key;
    }

    public ObjectKey key() {
        return key;
    }
}
