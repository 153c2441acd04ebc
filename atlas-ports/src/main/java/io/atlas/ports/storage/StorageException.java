package io.atlas.ports.storage;

import io.atlas.ports.AtlasException;
import io.atlas.ports.ErrorCategory;

/** The object store failed (I/O, network, permissions). */
public class StorageException extends AtlasException {
    private static final long serialVersionUID = 1L;

    public StorageException(ErrorCategory category, String message) {
        super(category, message);
    }

    public StorageException(ErrorCategory category, String message, Throwable cause) {
        super(category, message, cause);
    }
}
