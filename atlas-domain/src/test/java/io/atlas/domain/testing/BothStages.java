package io.atlas.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.atlas.domain.file.FileContentException;
import io.atlas.domain.file.FileRejectReason;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.ingest.FileScanResult;
import io.atlas.domain.ingest.FileScanner;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.FileNormalizer;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.AppNameDefaults;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.RejectReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file through ingestion's scan and then normalization of every day the scan routed it to, asserting that the two
 * stages agree: a file ingestion rejects fails normalization with the same reason (were it ever in
 * {@code validated/}), and a routed file's records are all accounted for (read = processed + rejected, over its
 * days). Tests then assert what the file's verdict should be.
 */
public final class BothStages {
    private static final String SOURCE = "validated/file";

    private BothStages() {}

    /** What the two stages made of a file: a file-level reason, or the rows of each kind over all its days. */
    public record Verdict(Optional<FileRejectReason> fileReject, String detail, List<CanonicalRecord> processed,
            List<RejectRow> rejected) {

        public List<RejectReason> rejectReasons() {
            return rejected.stream().map(RejectRow::reasonCode).toList();
        }
    }

    public static Verdict judge(LogFormat format, byte[] content) {
        return judge(format, content, ReadLimits.DEFAULTS);
    }

    public static Verdict judge(LogFormat format, byte[] content, ReadLimits limits) {
        try {
            return judged(format, content, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Verdict judged(LogFormat format, byte[] content, ReadLimits limits) throws IOException {
        FileScanResult scan = new FileScanner(limits).scan(format, new ByteArrayInputStream(content));
        FileNormalizer normalizer = new FileNormalizer(new NormalizationSettings(limits, AppNameDefaults.DEFAULTS));
        if (scan instanceof FileScanResult.Rejected rejected) {
            if (rejected.reason() != FileRejectReason.EMPTY_FILE && rejected.reason() != FileRejectReason.NO_EVENT_TIMESTAMP) {
                FileContentException normalizing = catchThrowableOfType(FileContentException.class, () -> normalizer.normalize(
                        format, SOURCE, () -> new ByteArrayInputStream(content), LocalDate.of(2024, 11, 29), new CollectingSink()));
                assertThat(normalizing).as("normalization of a file ingestion rejects as " + rejected.reason()).isNotNull();
                assertThat(normalizing.reason()).as("normalization's reason").isEqualTo(rejected.reason());
            }
            return new Verdict(Optional.of(rejected.reason()), rejected.detail(), List.of(), List.of());
        }
        FileScanResult.Routable routable = (FileScanResult.Routable) scan;
        List<CanonicalRecord> processed = new ArrayList<>();
        List<RejectRow> rejectedRows = new ArrayList<>();
        long otherDays = 0;
        for (LocalDate day : routable.days()) {
            CollectingSink sink = new CollectingSink();
            FileCounts counts = normalizer.normalize(format, SOURCE, () -> new ByteArrayInputStream(content), day, sink);
            assertThat(counts.read()).as("records read on " + day).isEqualTo(routable.records());
            otherDays += counts.otherDay();
            processed.addAll(sink.accepted);
            rejectedRows.addAll(sink.rejected);
        }
        assertThat((long) processed.size() + rejectedRows.size())
                .as("every record processed or rejected exactly once over the file's days")
                .isEqualTo(routable.records());
        assertThat(otherDays).isEqualTo(routable.records() * (routable.days().size() - 1));
        return new Verdict(Optional.empty(), "", processed, rejectedRows);
    }
}
