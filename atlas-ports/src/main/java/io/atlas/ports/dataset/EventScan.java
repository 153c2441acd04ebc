package io.atlas.ports.dataset;

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

    /** The parts (files) of a committed logs partition, as {@link DatasetStore#partition} described it. */
    List<Source> eventSources(PartitionInfo partition);
}
