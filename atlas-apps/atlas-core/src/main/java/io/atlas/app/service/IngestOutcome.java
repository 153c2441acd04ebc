package io.atlas.app.service;

import io.atlas.domain.file.FileRejectReason;
import io.atlas.domain.lake.ObjectKey;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

/** What ingestion did with one raw file. */
public sealed interface IngestOutcome {
    ObjectKey rawKey();

    /** Copied to {@code validated/} for each day, archived, removed from {@code raw/}. */
    record Routed(ObjectKey rawKey, SortedSet<LocalDate> days, List<ObjectKey> staleCopiesRemoved, ObjectKey archiveKey,
            long records) implements IngestOutcome {}

    /** Moved to {@code rejected/system/lambda/} with its {@code .error.json}. */
    record Rejected(ObjectKey rawKey, FileRejectReason reason, String detail, ObjectKey rejectKey) implements IngestOutcome {}

    /** The raw file was no longer there (already ingested by an earlier delivery of the same event). */
    record Gone(ObjectKey rawKey) implements IngestOutcome {}
}
