package io.atlas.domain.file;

import io.atlas.domain.record.RejectReason;
import io.atlas.domain.record.SourceFields;
import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a file's records one at a time in bounded memory. After {@link #next()} returns true, the current record
 * is either parsed ({@link #problem()} is null and {@link #fields()} holds it) or unusable as a whole
 * ({@code MALFORMED_RECORD}, {@code RECORD_TOO_LARGE}, {@code INVALID_ENCODING}). The current record's state is
 * valid until the next call.
 */
public interface RecordCursor extends Closeable {

    /** Why a record could not be parsed at all. */
    record Problem(RejectReason reason, String detail) {}

    /**
     * Advances to the next record.
     *
     * @throws FileContentException the file as a whole is not its format (SPEC §2 reason)
     * @throws SourceReadException the storage failed
     */
    boolean next() throws IOException;

    /** 1-based line number (NDJSON) or element number (JSON array, XML children of the root). */
    long index();

    @Nullable Problem problem();

    /** The parsed fields; meaningful only when {@link #problem()} is null. */
    SourceFields fields();

    /** The record as text for {@code raw_record}, truncated to 64 KiB. */
    String rawText();

    /**
     * Whether the content has proved to be its format; for NDJSON, whether at least one line began with
     * <code>&#123;</code>. Meaningful once {@link #next()} has returned false.
     */
    default boolean contentConfirmed() {
        return true;
    }
}
