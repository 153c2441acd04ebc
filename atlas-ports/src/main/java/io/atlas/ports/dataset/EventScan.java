package io.atlas.ports.dataset;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An optional ability of a {@link DatasetStore}: stream the columns the daily aggregate reads from a day's committed
 * logs partition, without building a row object per record (the columnar fast path of aggregate).
 */
public interface EventScan {

    /**
     * Receives a part's processed rows, by their aggregate columns, and their addresses apart: addresses count as a set
     * ({@code unique_ips}), so a scan gives each address at least once for the rows that carry it and may give it once
     * for all of them (a dictionary-encoded column chunk gives each of its entries once), in any order with the rows.
     */
    interface Visitor {
        /**
         * One row; {@code logId} holds the id's 64 hex characters at {@code offset}, valid only during the call (the
         * array is the scan's page buffer, handed out again for a later page).
         */
        void event(byte[] logId, int offset, int statusCode, @Nullable String device, String requestType, String appName);

        /**
         * The address of one or more of the part's rows: its UTF-8 text, {@code length} bytes at {@code offset} of
         * {@code text}, valid only during the call (a scan hands out the bytes where they lie in its page).
         */
        void address(byte[] text, int offset, int length);
    }

    /** One part of a partition (a file, or a slice of a file's row groups) that can be scanned on its own thread. */
    interface Source {
        void scan(Visitor visitor);
    }

    /** The parts of a committed logs partition, as {@link DatasetStore#partition} described it: each row in one. */
    List<Source> eventSources(PartitionInfo partition);
}
