package io.atlas.app;

import io.atlas.ports.AtlasException;
import io.atlas.ports.ErrorCategory;

/**
 * Atlas cannot be built as asked: a setting out of range or not parseable (the message names its documented key,
 * {@code atlas.max-record-bytes}), no lake, an unsupported lake location, S3 without a region. Retrying cannot help;
 * the CLI exits 2 for it, as for any bad argument.
 */
public final class AtlasConfigurationException extends AtlasException {
    private static final long serialVersionUID = 1L;

    public AtlasConfigurationException(String message) {
        super(ErrorCategory.USER_ERROR, message);
    }

    public AtlasConfigurationException(String message, Throwable cause) {
        super(ErrorCategory.USER_ERROR, message, cause);
    }
}
