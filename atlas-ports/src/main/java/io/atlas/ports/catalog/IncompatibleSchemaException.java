package io.atlas.ports.catalog;

import io.atlas.ports.ErrorCategory;

/** A crawl found data whose schema cannot replace the table's; the table is left unchanged, no second table is made. */
public final class IncompatibleSchemaException extends CatalogException {
    private static final long serialVersionUID = 1L;

    public IncompatibleSchemaException(String database, String table, String reason) {
        super(ErrorCategory.INTERNAL, "Cannot update table " + database + "." + table + ": incompatible schema change ("
                + reason + ")");
    }
}
