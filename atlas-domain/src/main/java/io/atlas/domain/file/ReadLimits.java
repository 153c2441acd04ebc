package io.atlas.domain.file;

/**
 * Bounds that keep reading any file in bounded memory and time.
 *
 * @param maxRecordBytes a line, array element or XML record longer than this is {@code RECORD_TOO_LARGE}
 *     ({@code atlas.max-record-bytes}, 1 MiB by default)
 * @param maxDecompressedBytes a gzip file inflating past this many bytes is {@code DECOMPRESSION_LIMIT}
 *     ({@code atlas.max-decompressed-bytes}, 1 GiB by default), counted as the content streams out, whatever its
 *     compression ratio
 */
public record ReadLimits(int maxRecordBytes, long maxDecompressedBytes) implements java.io.Serializable {
    /** SPEC §3: {@code raw_record} is truncated to 64 KiB. */
    public static final int RAW_RECORD_BYTES = 64 * 1024;
    public static final ReadLimits DEFAULTS = new ReadLimits(1024 * 1024, 1024L * 1024 * 1024);

    public ReadLimits {
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 1024, got " + maxRecordBytes);
        }
        if (maxDecompressedBytes < 1) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive, got " + maxDecompressedBytes);
        }
    }

    public ReadLimits withMaxRecordBytes(int bytes) {
        return new ReadLimits(bytes, maxDecompressedBytes);
    }

    public ReadLimits withMaxDecompressedBytes(long bytes) {
        return new ReadLimits(maxRecordBytes, bytes);
    }
}
