package io.atlas.domain.record;

/** The type of a field as the source wrote it, before validation. XML text is {@link #TEXT}; nested XML elements are {@link #STRUCTURE}. */
public enum ValueKind {
    TEXT,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL,
    STRUCTURE
}
