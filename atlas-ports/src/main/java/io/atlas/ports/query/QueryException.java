package io.atlas.ports.query;

import io.atlas.ports.AtlasException;
import io.atlas.ports.ErrorCategory;

/** A query could not run: invalid SQL, an unknown table, or the engine failed. */
public final class QueryException extends AtlasException {
    private static final long serialVersionUID = 1L;

    public QueryException(ErrorCategory category, String message, Throwable cause) {
        super(category, message, cause);
    }
}
