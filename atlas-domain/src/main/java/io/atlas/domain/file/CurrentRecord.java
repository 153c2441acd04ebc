package io.atlas.domain.file;

import io.atlas.domain.record.SourceFields;
import org.jspecify.annotations.Nullable;

/** What every {@link RecordCursor} keeps of the record it stands on: its number, its problem if any, its fields. */
abstract class CurrentRecord implements RecordCursor {
    /** The record's parsed fields, reused from record to record. */
    protected final SourceFields fields = new SourceFields();
    /** The record's 1-based line or element number. */
    protected long index;
    /** Why the record cannot be read, or null. */
    protected @Nullable Problem problem;

    @Override
    public long index() {
        return index;
    }

    @Override
    public @Nullable Problem problem() {
        return problem;
    }

    @Override
    public SourceFields fields() {
        return fields;
    }
}
