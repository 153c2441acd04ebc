package io.atlas.domain.file;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * The inflated content of a gzip file, guarded: damage is {@code CORRUPT_GZIP}; inflating past
 * {@link ReadLimits#maxDecompressedBytes()} is {@code DECOMPRESSION_LIMIT}, found as the bytes come out. The
 * compression ratio is not a criterion: a file the byte limit accepts is read, however well it compresses. Nothing
 * is inflated ahead of the reader, so a bomb costs at most one buffer.
 */
final class GzipContent extends InputStream {
    private static final int BUFFER = 64 * 1024;

    private final CountingInputStream compressed;
    private final GZIPInputStream inflater;
    private final ReadLimits limits;
    private long inflated;

    private GzipContent(CountingInputStream compressed, GZIPInputStream inflater, ReadLimits limits) {
        this.compressed = compressed;
        this.inflater = inflater;
        this.limits = limits;
    }

    static GzipContent open(InputStream source, ReadLimits limits) throws IOException {
        CountingInputStream compressed = new CountingInputStream(source);
        try {
            return new GzipContent(compressed, new GZIPInputStream(compressed, BUFFER), limits);
        } catch (SourceReadException e) {
            throw e;
        } catch (EOFException e) {
            throw new FileContentException(FileRejectReason.CORRUPT_GZIP, "gzip header is truncated", e);
        } catch (IOException e) {
            throw new FileContentException(FileRejectReason.CORRUPT_GZIP, "gzip header is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = inflater.read(b, off, len);
        } catch (SourceReadException e) {
            throw e;
        } catch (EOFException e) {
            throw new FileContentException(FileRejectReason.CORRUPT_GZIP,
                    "gzip stream is truncated after " + compressed.count() + " compressed bytes", e);
        } catch (IOException e) {
            throw new FileContentException(FileRejectReason.CORRUPT_GZIP,
                    "gzip stream is damaged after " + compressed.count() + " compressed bytes: " + e.getMessage(), e);
        }
        if (n > 0) {
            inflated += n;
            if (inflated > limits.maxDecompressedBytes()) {
                throw new FileContentException(FileRejectReason.DECOMPRESSION_LIMIT,
                        "inflates past the limit of " + limits.maxDecompressedBytes() + " bytes");
            }
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        inflater.close();
    }

    /** Counts the compressed bytes the inflater has consumed. */
    static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
