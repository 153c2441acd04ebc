package io.atlas.domain.file;

/** File-level reason codes of SPEC §2 (the {@code reason_code} of a {@code .error.json} sidecar). */
public enum FileRejectReason {
    /** The prefix below {@code raw/} is not one of the three formats. */
    UNKNOWN_FORMAT,
    /** The content is not the prefix's format. */
    FORMAT_MISMATCH,
    /** No bytes, or no records at all (only whitespace, {@code []}, {@code <errors/>}). */
    EMPTY_FILE,
    /** gzip magic present but the stream is truncated or damaged. */
    CORRUPT_GZIP,
    /** The XML document or the JSON array is not well-formed. */
    MALFORMED_FILE,
    /** A DOCTYPE (and so any entity declaration) in an XML file. */
    UNSAFE_XML,
    /** Decompressed size over the limit (1 GiB by default), whatever the compression ratio. */
    DECOMPRESSION_LIMIT,
    /** Not one record with a valid timestamp. */
    NO_EVENT_TIMESTAMP
}
