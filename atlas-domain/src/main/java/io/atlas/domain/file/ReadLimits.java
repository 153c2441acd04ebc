package io.atlas.domain.file;

/**
 * Bounds that keep reading any file in bounded memory and time.
 *
 * @param maxRecordBytes a line, array element or XML record longer than this is {@code RECORD_TOO_LARGE}
 *     ({@code atlas.max-record-bytes}, 1 MiB by default)
 * @param maxDecompressedBytes a gzip file inflating past this is {@code DECOMPRESSION_LIMIT}
 *     ({@code atlas.max-decompressed-bytes}, 1 GiB by default)
 * @param maxCompressionRatio once past {@link #RATIO_CHECK_FLOOR} inflated bytes, a gzip inflating more than this
 *     many bytes per compressed byte is {@code DECOMPRESSION_LIMIT} ({@code atlas.max-compression-ratio}, 0 turns
 *     the check off; gzip cannot exceed about 1032:1, real logs compress 5-50:1)
 */
public record ReadLimits(int maxRecordBytes, long maxDecompressedBytes, int maxCompressionRatio) implements java.io.Serializable {
    /** SPEC §3: {@code raw_record} is truncated to 64 KiB. */
    public static final int RAW_RECORD_BYTES = 64 * 1024;
    public static final long RATIO_CHECK_FLOOR = 64L * 1024 * 1024;
    public static final ReadLimits DEFAULTS = new ReadLimits(1024 * 1024, 1024L * 1024 * 1024, 200);

    public ReadLimits {
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 1024, got " + maxRecordBytes);
        }
        if (maxDecompressedBytes < 1) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive, got " + maxDecompressedBytes);
        }
        if (maxCompressionRatio < 0) {
            throw new IllegalArgumentException("maxCompressionRatio must be 0 (off) or positive, got " + maxCompressionRatio);
        }
    }

    public ReadLimits withMaxRecordBytes(int bytes) {
        return new ReadLimits(bytes, maxDecompressedBytes, maxCompressionRatio);
    }

    public ReadLimits withMaxDecompressedBytes(long bytes) {
        return new ReadLimits(maxRecordBytes, bytes, maxCompressionRatio);
    }
}
