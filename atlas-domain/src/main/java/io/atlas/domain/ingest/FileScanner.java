package io.atlas.domain.ingest;

import io.atlas.domain.file.FileContentException;
import io.atlas.domain.file.FileRejectReason;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.file.RecordCursor;
import io.atlas.domain.file.RecordCursors;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RecordValidator;
import io.atlas.domain.record.TimestampCheck;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.TreeSet;

/**
 * SPEC §2 steps 1-2: confirms a file's format from its content and streams it once, extracting only event
 * timestamps, to find the UTC days it touches. Memory is bounded by {@link ReadLimits} whatever the file's size.
 * A timestamp counts when the record parses and its timestamp is valid: exactly the records normalization will
 * place on a day, so routing and normalization cannot disagree.
 */
public final class FileScanner {
    private final ReadLimits limits;

    public FileScanner(ReadLimits limits) {
        this.limits = limits;
    }

    /**
     * Scans {@code content} (closed on return).
     *
     * @throws io.atlas.domain.file.SourceReadException the storage failed: the file is neither routed nor rejected
     */
    public FileScanResult scan(LogFormat format, InputStream content) throws IOException {
        TreeSet<LocalDate> days = new TreeSet<>();
        long records = 0;
        long withoutTimestamp = 0;
        try (RecordCursor cursor = RecordCursors.open(format, content, limits)) {
            while (cursor.next()) {
                records++;
                if (cursor.problem() == null
                        && RecordValidator.eventTime(cursor.fields(), format) instanceof TimestampCheck.Valid valid) {
                    days.add(valid.utcDay());
                } else {
                    withoutTimestamp++;
                }
            }
            if (!cursor.contentConfirmed() && records > 0) {
                return new FileScanResult.Rejected(FileRejectReason.FORMAT_MISMATCH,
                        "no line is a JSON object: content is not NDJSON");
            }
        } catch (FileContentException e) {
            return new FileScanResult.Rejected(e.reason(), e.detail());
        }
        if (records == 0) {
            return new FileScanResult.Rejected(FileRejectReason.EMPTY_FILE, "file holds no records");
        }
        if (days.isEmpty()) {
            return new FileScanResult.Rejected(FileRejectReason.NO_EVENT_TIMESTAMP,
                    "none of " + records + " records has a valid timestamp");
        }
        return new FileScanResult.Routable(days, records, withoutTimestamp);
    }
}
