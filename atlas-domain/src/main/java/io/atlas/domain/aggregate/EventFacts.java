package io.atlas.domain.aggregate;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.CanonicalRecord;
import org.jspecify.annotations.Nullable;

/** The columns of one distinct event that the daily aggregate reads. */
public record EventFacts(LogType logType, int statusCode, String ipAddress, @Nullable String device, String requestType,
        String appName) {

    public EventFacts {
        requireNonNull(logType, "logType is null");
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(requestType, "requestType is null");
        requireNonNull(appName, "appName is null");
    }

    public static EventFacts of(CanonicalRecord record) {
        return new EventFacts(record.logType(), record.statusCode(), record.ipAddress(), record.device(),
                record.requestType(), record.appName());
    }
}
