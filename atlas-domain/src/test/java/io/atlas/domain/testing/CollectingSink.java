package io.atlas.domain.testing;

import io.atlas.domain.normalize.NormalizedSink;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import java.util.ArrayList;
import java.util.List;

/** Collects what normalization sends. */
public final class CollectingSink implements NormalizedSink {
    public final List<CanonicalRecord> accepted = new ArrayList<>();
    public final List<RejectRow> rejected = new ArrayList<>();

    @Override
    public void accept(CanonicalRecord record) {
        accepted.add(record);
    }

    @Override
    public void reject(RejectRow row) {
        rejected.add(row);
    }
}
