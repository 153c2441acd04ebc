package io.atlas.domain.normalize;

import io.atlas.domain.record.CanonicalRecord;

/** Where normalization sends each owned record: a processed row or a reject row. */
public interface NormalizedSink {
    void accept(CanonicalRecord record);

    void reject(RejectRow row);
}
