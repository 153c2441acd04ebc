package io.atlas.domain.record;

/** Row-level reason codes of SPEC §3 ({@code rejected/data_quality.reason_code}). */
public enum RejectReason {
    /** A line or array element that is not a JSON object, or an XML child that is not an {@code <error>}. */
    MALFORMED_RECORD,
    /** A required field is absent, JSON {@code null}, or blank. */
    MISSING_FIELD,
    /** A timestamp that is neither ISO-8601 with a zone nor an integer of epoch milliseconds. */
    INVALID_TIMESTAMP,
    /** An ISO-8601 local date-time: the instant it names is unknown. */
    TIMESTAMP_WITHOUT_ZONE,
    /** A status that is not an integer 100-599 (a JSON integer or a string of digits). */
    INVALID_STATUS,
    /** A present field of the wrong JSON type, such as an object where a string belongs. */
    INVALID_FIELD_TYPE,
    /** A record longer than the configured limit ({@code atlas.max-record-bytes}). */
    RECORD_TOO_LARGE,
    /** A record that is not valid UTF-8. */
    INVALID_ENCODING
}
