package io.atlas.ports.dataset;

import io.atlas.domain.lake.LogType;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An optional ability of a {@link DatasetStore}: stream the columns the daily aggregate reads from a day's committed
 * logs partition, without building a row object per record (the columnar fast path of aggregate).
 */
public interface EventScan {

    /** Receives one processed row's aggregate columns; {@code logId} holds the id's 64 hex characters at {@code offset}. */
    interface Visitor {
        void event(byte[] logId, int offset, int statusCode, String ipAddress, @Nullable String device, String requestType,
                String appName);
    }

    /** One part of a partition (a file) that can be scanned on its own thread. */
    interface Source {
        void scan(Visitor visitor);
    }

    /** The parts of the committed {@code logType} partition of {@code day}; none when it was never committed. */
    List<Source> eventSources(LogType logType, LocalDate day);

    /** Visits every row of the committed {@code logType} partition of {@code day}, part after part. */
    default void scanEvents(LogType logType, LocalDate day, Visitor visitor) {
        for (Source source : eventSources(logType, day)) {
            source.scan(visitor);
        }
    }
}
