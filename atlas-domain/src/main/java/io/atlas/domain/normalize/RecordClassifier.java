package io.atlas.domain.normalize;

import io.atlas.domain.file.RecordCursor;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.RecordOutcome;
import io.atlas.domain.record.RecordValidator;
import io.atlas.domain.record.TimestampCheck;
import java.io.IOException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * SPEC §3's check order for the record under a cursor in the run of {@code process_date} D: a record that cannot
 * be read or has no valid timestamp is a timestamp-less reject; a record of another day is skipped; a record of D is
 * validated into a canonical row or a reject. Keeps the last record's outcome; one instance per thread.
 */
final class RecordClassifier {
    enum Kind { ACCEPTED, OTHER_DAY, REJECTED, REJECTED_DAYLESS }

    private final RecordValidator validator;
    private final LocalDate processDate;
    private @Nullable CanonicalRecord accepted;
    private @Nullable RejectRow reject;
    private @Nullable LocalDate earliest;

    RecordClassifier(RecordValidator validator, LocalDate processDate) {
        this.validator = validator;
        this.processDate = processDate;
    }

    /** Classifies the cursor's current record; {@code index} is its record_index within the file. */
    Kind classify(RecordCursor cursor, LogFormat format, String sourceFile, long index) {
        RecordCursor.Problem problem = cursor.problem();
        if (problem != null) {
            reject = new RejectRow(processDate, sourceFile, format, index, problem.reason(), problem.detail(), cursor.rawText());
            return Kind.REJECTED_DAYLESS;
        }
        TimestampCheck time = RecordValidator.eventTime(cursor.fields(), format);
        if (time instanceof TimestampCheck.Invalid invalid) {
            reject = new RejectRow(processDate, sourceFile, format, index, invalid.reason(), invalid.detail(), cursor.rawText());
            return Kind.REJECTED_DAYLESS;
        }
        TimestampCheck.Valid valid = (TimestampCheck.Valid) time;
        LocalDate day = valid.utcDay();
        if (earliest == null || day.isBefore(earliest)) {
            earliest = day;
        }
        if (!day.equals(processDate)) {
            return Kind.OTHER_DAY;
        }
        RecordOutcome outcome = validator.validate(cursor.fields(), valid, format, sourceFile);
        if (outcome instanceof RecordOutcome.Accepted ok) {
            accepted = ok.record();
            return Kind.ACCEPTED;
        }
        RecordOutcome.Rejected rejection = (RecordOutcome.Rejected) outcome;
        reject = new RejectRow(processDate, sourceFile, format, index, rejection.reason(), rejection.detail(), cursor.rawText());
        return Kind.REJECTED;
    }

    /**
     * Reads the rest of {@code cursor} again and sends the rejects of the chosen kinds to {@code sink}, numbered
     * {@code linesBefore} lines on (the second pass for rejects that did not fit in memory).
     */
    void rejectAgain(RecordCursor cursor, LogFormat format, String sourceFile, long linesBefore, boolean dated,
            boolean dayless, NormalizedSink sink) throws IOException {
        while (cursor.next()) {
            Kind kind = classify(cursor, format, sourceFile, cursor.index() + linesBefore);
            if ((kind == Kind.REJECTED && dated) || (kind == Kind.REJECTED_DAYLESS && dayless)) {
                sink.reject(reject());
            }
        }
    }

    /** The row of the last {@link Kind#ACCEPTED} record. */
    CanonicalRecord accepted() {
        return java.util.Objects.requireNonNull(accepted);
    }

    /** The row of the last rejected record. */
    RejectRow reject() {
        return java.util.Objects.requireNonNull(reject);
    }

    /** The earliest valid event day seen so far. */
    java.util.Optional<LocalDate> earliest() {
        return java.util.Optional.ofNullable(earliest);
    }
}
