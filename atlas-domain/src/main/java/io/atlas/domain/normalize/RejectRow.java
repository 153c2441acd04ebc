package io.atlas.domain.normalize;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.file.Utf8;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.RejectReason;
import java.time.LocalDate;

/** A row of {@code rejected/data_quality} (SPEC §3); {@code rawRecord} is truncated to 64 KiB. */
public record RejectRow(
        LocalDate processDate,
        String sourceFile,
        LogFormat rawFormat,
        long recordIndex,
        RejectReason reasonCode,
        String reasonDetail,
        String rawRecord) {

    public RejectRow {
        requireNonNull(processDate, "processDate is null");
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(rawFormat, "rawFormat is null");
        requireNonNull(reasonCode, "reasonCode is null");
        requireNonNull(reasonDetail, "reasonDetail is null");
        requireNonNull(rawRecord, "rawRecord is null");
        if (recordIndex < 1) {
            throw new IllegalArgumentException("recordIndex is 1-based, got " + recordIndex);
        }
        rawRecord = Utf8.truncate(rawRecord);
    }
}
