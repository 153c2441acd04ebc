package io.atlas.domain.file;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * A file whose content cannot be read as its format: the file as a whole is bad (as opposed to one record,
 * which is a reject row, or the storage failing, which is a {@link SourceReadException}).
 */
public final class FileContentException extends IOException {
    private static final long serialVersionUID = 1L;
    private final FileRejectReason reason;

    public FileContentException(FileRejectReason reason, String detail) {
        super(detail);
        this.reason = requireNonNull(reason, "reason is null");
    }

    public FileContentException(FileRejectReason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = requireNonNull(reason, "reason is null");
    }

    public FileRejectReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
