package io.atlas.domain.normalize;

import io.atlas.domain.file.NdjsonRanges;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.file.RecordCursor;
import io.atlas.domain.file.RecordCursors;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RecordValidator;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link FileNormalizer}'s rules for a large uncompressed NDJSON file cut into {@link NdjsonRanges} that threads
 * read at the same time, with the same rows and counts as one pass over the whole file.
 *
 * <p>Each thread runs {@link #normalizeRange} on one range: its processed rows go to the sink at once; its rejects
 * are held, because their record_index needs the line counts of the ranges before it and the timestamp-less ones
 * need the file's earliest day. {@link #finishRanges} then numbers and emits them. Rejects past the
 * {@link HeldRejects} bound are read again from their range instead of held.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class SplitFileNormalizer {
    private static final LogFormat FORMAT = LogFormat.NDJSON;
    /** Per range: a file's ranges are held together until it completes. */
    static final int MAX_HELD_ROWS = HeldRejects.MAX_ROWS / 4;
    static final long MAX_HELD_CHARS = HeldRejects.MAX_CHARS / 4;

    /** What one range gave: its line count, counts, earliest valid day, and rejects numbered within the range. */
    public static final class RangeResult {
        private final long lines;
        private final long read;
        private final long processed;
        private final long otherDay;
        private final Optional<LocalDate> earliest;
        private final HeldRejects<HeldReject> rejects;
        private final long dayless;

        private RangeResult(long lines, long read, long processed, long otherDay, Optional<LocalDate> earliest,
                HeldRejects<HeldReject> rejects, long dayless) {
            this.lines = lines;
            this.read = read;
            this.processed = processed;
            this.otherDay = otherDay;
            this.earliest = earliest;
            this.rejects = rejects;
            this.dayless = dayless;
        }
    }

    private record HeldReject(RejectRow row, boolean dayless) {}

    /**
     * What one range gave when its rejects were streamed out rather than held (an engine whose ranges run in
     * different processes, such as Spark's tasks): its line count, counts, earliest valid day (null: none) and how
     * many of its rejects were streamed, how many of them timestamp-less.
     */
    public record RangeSummary(long lines, long read, long processed, long otherDay, @Nullable LocalDate earliest,
            long rejects, long dayless) {}

    /** Receives a range's rejects, numbered within the range; {@code dayless} ones are owned by the file's earliest day. */
    @FunctionalInterface
    public interface RangeRejects {
        void reject(RejectRow numberedInRange, boolean dayless);
    }

    /**
     * How a file read in streamed ranges completes (see {@link #complete}): whether {@code processDate} owns its
     * timestamp-less rejects, the lines before each range (added to its rejects' record_index) and the file's counts.
     */
    public record Completion(boolean ownsDayless, List<Long> linesBefore, FileCounts counts) {
        public Completion {
            linesBefore = List.copyOf(linesBefore);
        }

        /** Whether a reject of the file is kept, and with which record_index. */
        public boolean keeps(boolean dayless) {
            return !dayless || ownsDayless;
        }
    }

    private final ReadLimits limits;
    private final RecordValidator validator;

    public SplitFileNormalizer(NormalizationSettings settings) {
        this.limits = settings.limits();
        this.validator = new RecordValidator(settings.appNames());
    }

    /** Normalizes the lines that start in {@code range} of the file; see the class comment. */
    public RangeResult normalizeRange(String sourceFile, NdjsonRanges.Range range, NdjsonRanges.Opener file, LocalDate processDate,
            NormalizedSink sink) throws IOException {
        RecordClassifier classifier = new RecordClassifier(validator, processDate);
        RangeTally tally = new RangeTally(sink, new HeldRejects<>(MAX_HELD_ROWS, MAX_HELD_CHARS));
        try (RecordCursor cursor = open(range, file)) {
            while (cursor.next()) {
                tally.read++;
                classifier.classify(cursor, FORMAT, sourceFile, cursor.index()).applyTo(tally);
            }
            return new RangeResult(cursor.index(), tally.read, tally.processed, tally.otherDay, classifier.earliest(),
                    tally.held, tally.dayless);
        }
    }

    /**
     * Normalizes the lines that start in {@code range} like {@link #normalizeRange}, but streams its rejects to
     * {@code rejects} (numbered within the range, flagged timestamp-less) instead of holding them, so no range needs
     * memory for its rejects; {@link #complete} then says which to keep and how to renumber them.
     */
    public RangeSummary normalizeRangeStreaming(String sourceFile, NdjsonRanges.Range range, NdjsonRanges.Opener file,
            LocalDate processDate, NormalizedSink sink, RangeRejects rejects) throws IOException {
        RecordClassifier classifier = new RecordClassifier(validator, processDate);
        StreamingTally tally = new StreamingTally(sink, rejects);
        try (RecordCursor cursor = open(range, file)) {
            while (cursor.next()) {
                tally.read++;
                classifier.classify(cursor, FORMAT, sourceFile, cursor.index()).applyTo(tally);
            }
            return new RangeSummary(cursor.index(), tally.read, tally.processed, tally.otherDay,
                    classifier.earliest().orElse(null), tally.rejects, tally.dayless);
        }
    }

    /** The completion of a file from its ranges' summaries, in range order (the same rules as {@link #finishRanges}). */
    public static Completion complete(List<RangeSummary> summaries, LocalDate processDate) {
        Optional<LocalDate> earliest = summaries.stream()
                .map(RangeSummary::earliest)
                .filter(java.util.Objects::nonNull)
                .min(LocalDate::compareTo);
        boolean ownsDayless = RecordOwnership.ownedBy(processDate, Optional.empty(), earliest);
        FileCounts counts = FileCounts.ZERO;
        List<Long> linesBefore = new java.util.ArrayList<>();
        long lines = 0;
        for (RangeSummary summary : summaries) {
            long owned = ownsDayless ? summary.rejects() : summary.rejects() - summary.dayless();
            counts = counts.plus(new FileCounts(summary.read(), summary.processed(), owned,
                    summary.otherDay() + summary.rejects() - owned));
            linesBefore.add(lines);
            lines += summary.lines();
        }
        return new Completion(ownsDayless, linesBefore, counts);
    }

    /** A range's reject numbered within the file, {@code linesBefore} lines on. */
    public static RejectRow renumbered(RejectRow row, long linesBefore) {
        return new RejectRow(row.processDate(), row.sourceFile(), row.rawFormat(), row.recordIndex() + linesBefore,
                row.reasonCode(), row.reasonDetail(), row.rawRecord());
    }

    /** A streamed range's pass: rejects go out at once, flagged. */
    private static final class StreamingTally extends RecordTally {
        private final RangeRejects out;
        long rejects;
        long dayless;

        StreamingTally(NormalizedSink sink, RangeRejects out) {
            super(sink);
            this.out = out;
        }

        @Override
        public void rejected(RejectRow row) {
            rejects++;
            out.reject(row, false);
        }

        @Override
        public void rejectedDayless(RejectRow row) {
            rejects++;
            dayless++;
            out.reject(row, true);
        }
    }

    /** One range's first pass: every reject is held until the file's owner is known. */
    private static final class RangeTally extends RecordTally {
        private final HeldRejects<HeldReject> held;
        long dayless;

        RangeTally(NormalizedSink sink, HeldRejects<HeldReject> held) {
            super(sink);
            this.held = held;
        }

        @Override
        public void rejected(RejectRow row) {
            held.add(new HeldReject(row, false), row);
        }

        @Override
        public void rejectedDayless(RejectRow row) {
            held.add(new HeldReject(row, true), row);
            dayless++;
        }
    }

    /**
     * Completes the file once every range is done: numbers the rejects from the line counts of the ranges before
     * them, emits the timestamp-less ones only if {@code processDate} is the file's earliest valid day, and returns
     * the file's counts.
     *
     * @param results one per range of {@code ranges}, in the same order
     */
    public FileCounts finishRanges(String sourceFile, List<NdjsonRanges.Range> ranges, List<RangeResult> results,
            NdjsonRanges.Opener file, LocalDate processDate, NormalizedSink sink) throws IOException {
        if (ranges.size() != results.size()) {
            throw new IllegalArgumentException(ranges.size() + " ranges but " + results.size() + " results");
        }
        Optional<LocalDate> earliest = results.stream()
                .map(r -> r.earliest)
                .flatMap(Optional::stream)
                .min(LocalDate::compareTo);
        boolean ownsDayless = RecordOwnership.ownedBy(processDate, Optional.empty(), earliest);
        FileCounts counts = FileCounts.ZERO;
        long linesBefore = 0;
        for (int i = 0; i < results.size(); i++) {
            RangeResult result = results.get(i);
            long rejects = result.rejects.count();
            long owned = ownsDayless ? rejects : rejects - result.dayless;
            counts = counts.plus(new FileCounts(result.read, result.processed, owned, result.otherDay + rejects - owned));
            if (result.rejects.overflowed()) {
                rejectAgain(sourceFile, ranges.get(i), file, linesBefore, ownsDayless, processDate, sink);
            } else {
                for (HeldReject reject : result.rejects.rows()) {
                    if (!reject.dayless() || ownsDayless) {
                        sink.reject(renumbered(reject.row(), linesBefore));
                    }
                }
            }
            linesBefore += result.lines;
        }
        return counts;
    }

    private void rejectAgain(String sourceFile, NdjsonRanges.Range range, NdjsonRanges.Opener file, long linesBefore,
            boolean ownsDayless, LocalDate processDate, NormalizedSink sink) throws IOException {
        try (RecordCursor cursor = open(range, file)) {
            new RecordClassifier(validator, processDate).rejectAgain(cursor, FORMAT, sourceFile, linesBefore,
                    ownsDayless ? RecordClassifier.Replay.DATED_AND_DAYLESS : RecordClassifier.Replay.DATED, sink);
        }
    }

    private RecordCursor open(NdjsonRanges.Range range, NdjsonRanges.Opener file) throws IOException {
        InputStream content = file.openAt(range.start());
        try {
            return RecordCursors.openNdjsonRange(content, range.start(), range.length(), limits);
        } catch (IOException | RuntimeException e) {
            content.close();
            throw e;
        }
    }

}
