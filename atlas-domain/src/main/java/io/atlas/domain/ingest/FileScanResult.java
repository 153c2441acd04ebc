package io.atlas.domain.ingest;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.file.FileRejectReason;
import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** What a file's timestamp scan decided: the UTC days to route it to, or a file-level rejection. */
public sealed interface FileScanResult {

    /**
     * The file touches {@code days} (at least one); {@code records} were read, of which {@code withoutTimestamp}
     * had no valid timestamp (they will be rejected in the earliest day's run).
     */
    record Routable(SortedSet<LocalDate> days, long records, long withoutTimestamp) implements FileScanResult {
        public Routable {
            requireNonNull(days, "days is null");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("A routable file touches at least one day");
            }
            days = Collections.unmodifiableSortedSet(new TreeSet<>(days));
        }
    }

    record Rejected(FileRejectReason reason, String detail) implements FileScanResult {
        public Rejected {
            requireNonNull(reason, "reason is null");
            requireNonNull(detail, "detail is null");
        }
    }
}
