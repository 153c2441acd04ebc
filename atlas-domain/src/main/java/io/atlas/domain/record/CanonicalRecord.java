package io.atlas.domain.record;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code processed/logs} (SPEC §3, canonical record). {@code log_type}, {@code year}, {@code month}
 * and {@code day} are partition columns derived from {@link #logType} and {@link #eventTimestamp} (UTC).
 */
public record CanonicalRecord(
        String logId,
        Instant eventTimestamp,
        String ipAddress,
        @Nullable String device,
        String requestType,
        int statusCode,
        @Nullable String endpoint,
        @Nullable String message,
        String appName,
        LogType logType,
        LogFormat rawFormat,
        String sourceFile) {

    public CanonicalRecord {
        requireNonNull(logId, "logId is null");
        requireNonNull(eventTimestamp, "eventTimestamp is null");
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(requestType, "requestType is null");
        requireNonNull(appName, "appName is null");
        requireNonNull(logType, "logType is null");
        requireNonNull(rawFormat, "rawFormat is null");
        requireNonNull(sourceFile, "sourceFile is null");
    }

    /** The UTC day of the event: the {@code year}/{@code month}/{@code day} partition. */
    public LocalDate day() {
        return LocalDate.ofInstant(eventTimestamp, ZoneOffset.UTC);
    }
}
