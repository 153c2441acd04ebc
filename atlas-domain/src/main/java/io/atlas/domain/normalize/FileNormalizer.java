package io.atlas.domain.normalize;

import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.file.RecordCursor;
import io.atlas.domain.file.RecordCursors;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RecordOutcome;
import io.atlas.domain.record.RecordValidator;
import io.atlas.domain.record.TimestampCheck;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SPEC §3 for one validated file in the run of {@code process_date} D: records of day D are validated and
 * written (or rejected), records of other days are skipped, records without a valid timestamp are rejected only
 * in the run of the file's earliest valid day.
 *
 * <p>One streaming pass. Which day is the file's earliest is known only at the end, so timestamp-less rejects are
 * held in a bounded buffer; past {@link #MAX_BUFFERED_REJECTS} rows or {@link #MAX_BUFFERED_CHARS} characters they
 * are dropped from memory and, if D turns out to own them, read again in a second pass.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class FileNormalizer {
    static final int MAX_BUFFERED_REJECTS = 10_000;
    static final long MAX_BUFFERED_CHARS = 16L * 1024 * 1024;

    /** Re-openable content of a file. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private final ReadLimits limits;
    private final RecordValidator validator;

    public FileNormalizer(NormalizationSettings settings) {
        this.limits = settings.limits();
        this.validator = new RecordValidator(settings.appNames());
    }

    /**
     * Normalizes one file for {@code processDate}, sending owned rows to {@code sink}.
     *
     * @param sourceFile the file's validated key ({@code source_file})
     * @throws io.atlas.domain.file.FileContentException the file is not its format (it should never have been
     *     routed): the run fails loudly rather than guessing which day owns the rest
     */
    public FileCounts normalize(LogFormat format, String sourceFile, Content content, LocalDate processDate,
            NormalizedSink sink) throws IOException {
        long read = 0;
        long processed = 0;
        long rejected = 0;
        long otherDay = 0;
        LocalDate earliest = null;
        DaylessRejects dayless = new DaylessRejects();
        try (RecordCursor cursor = RecordCursors.open(format, content.open(), limits)) {
            while (cursor.next()) {
                read++;
                RecordCursor.Problem problem = cursor.problem();
                if (problem != null) {
                    dayless.add(new RejectRow(processDate, sourceFile, format, cursor.index(), problem.reason(),
                            problem.detail(), cursor.rawText()));
                    continue;
                }
                TimestampCheck time = RecordValidator.eventTime(cursor.fields(), format);
                if (time instanceof TimestampCheck.Invalid invalid) {
                    dayless.add(new RejectRow(processDate, sourceFile, format, cursor.index(), invalid.reason(),
                            invalid.detail(), cursor.rawText()));
                    continue;
                }
                LocalDate day = ((TimestampCheck.Valid) time).utcDay();
                if (earliest == null || day.isBefore(earliest)) {
                    earliest = day;
                }
                if (!day.equals(processDate)) {
                    otherDay++;
                    continue;
                }
                RecordOutcome outcome = validator.validate(cursor.fields(), format, sourceFile);
                if (outcome instanceof RecordOutcome.Accepted accepted) {
                    sink.accept(accepted.record());
                    processed++;
                } else {
                    RecordOutcome.Rejected rejection = (RecordOutcome.Rejected) outcome;
                    sink.reject(new RejectRow(processDate, sourceFile, format, cursor.index(), rejection.reason(),
                            rejection.detail(), cursor.rawText()));
                    rejected++;
                }
            }
        }
        if (dayless.count > 0) {
            if (RecordOwnership.ownedBy(processDate, Optional.empty(), Optional.ofNullable(earliest))) {
                if (dayless.overflowed) {
                    rejectDaylessAgain(format, sourceFile, content, processDate, sink);
                } else {
                    dayless.rows.forEach(sink::reject);
                }
                rejected += dayless.count;
            } else {
                otherDay += dayless.count;
            }
        }
        return new FileCounts(read, processed, rejected, otherDay);
    }

    /** The second pass for a file with more timestamp-less rejects than the buffer holds. */
    private void rejectDaylessAgain(LogFormat format, String sourceFile, Content content, LocalDate processDate,
            NormalizedSink sink) throws IOException {
        try (RecordCursor cursor = RecordCursors.open(format, content.open(), limits)) {
            while (cursor.next()) {
                RecordCursor.Problem problem = cursor.problem();
                if (problem != null) {
                    sink.reject(new RejectRow(processDate, sourceFile, format, cursor.index(), problem.reason(),
                            problem.detail(), cursor.rawText()));
                } else if (RecordValidator.eventTime(cursor.fields(), format) instanceof TimestampCheck.Invalid invalid) {
                    sink.reject(new RejectRow(processDate, sourceFile, format, cursor.index(), invalid.reason(),
                            invalid.detail(), cursor.rawText()));
                }
            }
        }
    }

    private static final class DaylessRejects {
        final List<RejectRow> rows = new ArrayList<>();
        long count;
        long chars;
        boolean overflowed;

        void add(RejectRow row) {
            count++;
            if (overflowed) {
                return;
            }
            chars += row.rawRecord().length() + row.reasonDetail().length();
            if (rows.size() >= MAX_BUFFERED_REJECTS || chars > MAX_BUFFERED_CHARS) {
                overflowed = true;
                rows.clear();
                return;
            }
            rows.add(row);
        }
    }
}
