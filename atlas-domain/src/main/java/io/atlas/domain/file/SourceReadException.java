package io.atlas.domain.file;

import java.io.IOException;

/**
 * The storage under a file failed while it was read (network, disk). Not a property of the file: the file is
 * neither routed nor rejected and stays where it is, to be retried.
 */
public final class SourceReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public SourceReadException(IOException cause) {
        super("Cannot read source: " + cause.getMessage(), cause);
    }
}
