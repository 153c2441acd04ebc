package io.atlas.ports.catalog;

import io.atlas.ports.AtlasException;
import io.atlas.ports.ErrorCategory;

/** The catalog refused or failed an operation. */
public class CatalogException extends AtlasException {
    private static final long serialVersionUID = 1L;

    public CatalogException(ErrorCategory category, String message) {
        super(category, message);
    }

    public CatalogException(ErrorCategory category, String message, Throwable cause) {
        super(category, message, cause);
    }
}
