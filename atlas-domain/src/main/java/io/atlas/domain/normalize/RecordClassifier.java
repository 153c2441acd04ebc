package io.atlas.domain.normalize;

import io.atlas.domain.file.RecordCursor;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RecordOutcome;
import io.atlas.domain.record.RecordValidator;
import io.atlas.domain.record.TimestampCheck;
import java.io.IOException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * SPEC §3's check order for the record under a cursor in the run of {@code process_date} D: a record that cannot
 * be read or has no valid timestamp is a timestamp-less reject; a record of another day is skipped; a record of D is
 * validated into a canonical row or a reject. Remembers the earliest valid day seen; one instance per thread.
 */
final class RecordClassifier {
    /** Which rejects a second pass sends on. */
    enum Replay {
        DATED,
        DAYLESS,
        DATED_AND_DAYLESS;

        boolean includes(Classification.Rejected reject) {
            return switch (this) {
                case DATED -> !reject.dayless();
                case DAYLESS -> reject.dayless();
                case DATED_AND_DAYLESS -> true;
            };
        }
    }

    private static final Classification.OtherDay OTHER_DAY = new Classification.OtherDay();

    private final RecordValidator validator;
    private final LocalDate processDate;
    /** {@code processDate} as an epoch day: records are compared by their day number, not a LocalDate each. */
    private final long processDay;
    private @Nullable LocalDate earliest;
    private long earliestDay;

    RecordClassifier(RecordValidator validator, LocalDate processDate) {
        this.validator = validator;
        this.processDate = processDate;
        this.processDay = processDate.toEpochDay();
    }

    /** Classifies the cursor's current record; {@code index} is its record_index within the file. */
    Classification classify(RecordCursor cursor, LogFormat format, String sourceFile, long index) {
        RecordCursor.Problem problem = cursor.problem();
        if (problem != null) {
            return new Classification.Rejected(new RejectRow(processDate, sourceFile, format, index, problem.reason(),
                    problem.detail(), cursor.rawText()), true);
        }
        TimestampCheck time = RecordValidator.eventTime(cursor.fields(), format);
        if (time instanceof TimestampCheck.Invalid invalid) {
            return new Classification.Rejected(new RejectRow(processDate, sourceFile, format, index, invalid.reason(),
                    invalid.detail(), cursor.rawText()), true);
        }
        TimestampCheck.Valid valid = (TimestampCheck.Valid) time;
        long day = valid.utcEpochDay();
        if (earliest == null || day < earliestDay) {
            earliest = LocalDate.ofEpochDay(day);
            earliestDay = day;
        }
        if (day != processDay) {
            return OTHER_DAY;
        }
        RecordOutcome outcome = validator.validate(cursor.fields(), valid, format, sourceFile);
        if (outcome instanceof RecordOutcome.Accepted ok) {
            return new Classification.Accepted(ok.record());
        }
        RecordOutcome.Rejected rejection = (RecordOutcome.Rejected) outcome;
        return new Classification.Rejected(new RejectRow(processDate, sourceFile, format, index, rejection.reason(),
                rejection.detail(), cursor.rawText()), false);
    }

    /**
     * Reads the rest of {@code cursor} again and sends the rejects {@code replay} asks for to {@code sink}, numbered
     * {@code linesBefore} lines on (the second pass for rejects that did not fit in memory).
     */
    void rejectAgain(RecordCursor cursor, LogFormat format, String sourceFile, long linesBefore, Replay replay,
            NormalizedSink sink) throws IOException {
        while (cursor.next()) {
            if (classify(cursor, format, sourceFile, cursor.index() + linesBefore) instanceof Classification.Rejected reject
                    && replay.includes(reject)) {
                sink.reject(reject.row());
            }
        }
    }

    /** The earliest valid event day seen so far. */
    java.util.Optional<LocalDate> earliest() {
        return java.util.Optional.ofNullable(earliest);
    }
}
