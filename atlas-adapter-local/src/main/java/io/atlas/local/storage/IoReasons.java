package io.atlas.local.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The operating system's reason for a failed file operation, in words. The JDK's {@link AccessDeniedException} and
 * {@link NoSuchFileException} carry only the path as their message, so "Cannot lock 2024-11-29: /lake/_atlas/locks/..."
 * would lose the one thing the reader needs ("permission denied"); this keeps the path and adds the reason.
 */
public final class IoReasons {
    private IoReasons() {}

    /** {@code <path>: permission denied}, {@code <path>: No space left on device}, or the exception's own message. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String reason = fs.getReason();
            if (reason == null || reason.isBlank()) {
                reason = e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof NoSuchFileException ? "no such file or directory"
                        : e instanceof FileAlreadyExistsException ? "already exists"
                        : e instanceof NotDirectoryException ? "not a directory"
                        : e.getClass().getSimpleName();
            }
            String file = fs.getFile();
            String other = fs.getOtherFile();
            return (file == null ? "" : file + (other == null ? "" : " -> " + other) + ": ") + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
