package io.atlas.ports.engine;

import io.atlas.ports.AtlasException;
import io.atlas.ports.ErrorCategory;

/** A job could not complete; whatever it had written is not published. */
public final class EngineException extends AtlasException {
    private static final long serialVersionUID = 1L;

    public EngineException(ErrorCategory category, String message, Throwable cause) {
        super(category, message, cause);
    }

    public EngineException(ErrorCategory category, String message) {
        super(category, message);
    }
}
