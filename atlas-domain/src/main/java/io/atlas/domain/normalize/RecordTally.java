package io.atlas.domain.normalize;

import io.atlas.domain.record.CanonicalRecord;

/**
 * A first pass's counts as {@link Classification}s arrive: accepted rows go to the sink and other-day records are
 * counted; what happens to rejects is the subclass's choice.
 */
abstract class RecordTally implements Classification.Cases {
    private final NormalizedSink sink;
    long read;
    long processed;
    long otherDay;

    RecordTally(NormalizedSink sink) {
        this.sink = sink;
    }

    @Override
    public final void accepted(CanonicalRecord row) {
        sink.accept(row);
        processed++;
    }

    @Override
    public final void otherDay() {
        otherDay++;
    }
}
