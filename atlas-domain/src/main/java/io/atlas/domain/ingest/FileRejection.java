package io.atlas.domain.ingest;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.file.FileRejectReason;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import java.time.Instant;

/**
 * SPEC §2 step 5: a file-level reject and the content of its {@code .error.json} sidecar ({@code reason_code},
 * {@code detail}, {@code source_key}, {@code run_id}, {@code ingest_ts}).
 */
public record FileRejection(FileRejectReason reasonCode, String detail, ObjectKey sourceKey, RunId runId, Instant ingestedAt) {
    public FileRejection {
        requireNonNull(reasonCode, "reasonCode is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(sourceKey, "sourceKey is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(ingestedAt, "ingestedAt is null");
    }

    /** {@code ingest_ts} as it appears in keys: {@code yyyyMMdd'T'HHmmss'Z'}. */
    public String ingestTimestamp() {
        return LakeLayout.ingestTimestamp(ingestedAt);
    }
}
