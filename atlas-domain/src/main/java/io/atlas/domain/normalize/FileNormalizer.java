package io.atlas.domain.normalize;

import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.file.RecordCursor;
import io.atlas.domain.file.RecordCursors;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RecordValidator;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

/**
 * SPEC §3 for one validated file in the run of {@code process_date} D: records of day D are validated and
 * written (or rejected), records of other days are skipped, records without a valid timestamp are rejected only
 * in the run of the file's earliest valid day.
 *
 * <p>One streaming pass. Which day is the file's earliest is known only at the end, so timestamp-less rejects are
 * held in a bounded buffer ({@link HeldRejects}); past it they are dropped from memory and, if D turns out to own
 * them, read again in a second pass. {@link SplitFileNormalizer} does the same for a large NDJSON file read by
 * several threads.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class FileNormalizer {
    static final int MAX_BUFFERED_REJECTS = HeldRejects.MAX_ROWS;

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
        RecordClassifier classifier = new RecordClassifier(validator, processDate);
        HeldRejects<RejectRow> dayless = new HeldRejects<>();
        Tally tally = new Tally(sink, dayless);
        try (RecordCursor cursor = RecordCursors.open(format, content.open(), limits)) {
            while (cursor.next()) {
                tally.read++;
                classifier.classify(cursor, format, sourceFile, cursor.index()).applyTo(tally);
            }
        }
        long rejected = tally.rejected;
        long otherDay = tally.otherDay;
        if (dayless.count() > 0) {
            if (RecordOwnership.ownedBy(processDate, java.util.Optional.empty(), classifier.earliest())) {
                if (dayless.overflowed()) {
                    rejectDaylessAgain(format, sourceFile, content, processDate, sink);
                } else {
                    dayless.rows().forEach(sink::reject);
                }
                rejected += dayless.count();
            } else {
                otherDay += dayless.count();
            }
        }
        return new FileCounts(tally.read, tally.processed, rejected, otherDay);
    }

    /** The second pass for a file with more timestamp-less rejects than the buffer holds. */
    private void rejectDaylessAgain(LogFormat format, String sourceFile, Content content, LocalDate processDate,
            NormalizedSink sink) throws IOException {
        try (RecordCursor cursor = RecordCursors.open(format, content.open(), limits)) {
            new RecordClassifier(validator, processDate).rejectAgain(cursor, format, sourceFile, 0, RecordClassifier.Replay.DAYLESS, sink);
        }
    }

    /** The first pass over a whole file: dated rejects go to the sink, timestamp-less ones are held. */
    private static final class Tally extends RecordTally {
        private final NormalizedSink sink;
        private final HeldRejects<RejectRow> dayless;
        long rejected;

        Tally(NormalizedSink sink, HeldRejects<RejectRow> dayless) {
            super(sink);
            this.sink = sink;
            this.dayless = dayless;
        }

        @Override
        public void rejected(RejectRow row) {
            sink.reject(row);
            rejected++;
        }

        @Override
        public void rejectedDayless(RejectRow row) {
            dayless.add(row, row);
        }
    }
}
