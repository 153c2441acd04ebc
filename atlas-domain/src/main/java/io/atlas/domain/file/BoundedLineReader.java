package io.atlas.domain.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines ({@code \n}, an optional {@code \r} before it is dropped) without ever holding
 * more than {@code maxLineBytes + 1} bytes: a longer line is reported as oversized with only its first
 * {@link ReadLimits#RAW_RECORD_BYTES} bytes kept, and the rest is skipped.
 */
final class BoundedLineReader {
    private static final int INITIAL_BUFFER = 64 * 1024;
    private static final long NEWLINES = Swar.broadcast('\n');

    private final InputStream in;
    private final int maxLineBytes;
    /** Lines starting at or after this many bytes from where the stream began are not read (a range's end). */
    private final long lineStartLimit;
    /** Bytes of the stream before {@code buffer[0]}. */
    private long bufferStart;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;

    // the current line
    private byte[] lineBytes = new byte[0];
    private int lineOffset;
    private int lineLength;
    private boolean oversized;
    private long oversizedLength;

    BoundedLineReader(InputStream in, int maxLineBytes) {
        this(in, maxLineBytes, Long.MAX_VALUE);
    }

    BoundedLineReader(InputStream in, int maxLineBytes, long lineStartLimit) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.lineStartLimit = lineStartLimit;
        this.buffer = new byte[Math.min(INITIAL_BUFFER, maxLineBytes + 2)];
    }

    byte[] bytes() {
        return lineBytes;
    }

    int offset() {
        return lineOffset;
    }

    int length() {
        return lineLength;
    }

    /** Whether the line was longer than the limit; then {@link #bytes()} holds only its start. */
    boolean oversized() {
        return oversized;
    }

    /** The full length of an oversized line. */
    long oversizedLength() {
        return oversizedLength;
    }

    /** Reads the next line; false at end of input. */
    boolean readLine() throws IOException {
        oversized = false;
        if (bufferStart + position >= lineStartLimit) {
            return false;
        }
        int scanFrom = position;
        while (true) {
            int newline = indexOfNewline(scanFrom, limit);
            if (newline >= 0) {
                setLine(position, newline - position);
                position = newline + 1;
                return true;
            }
            if (endOfInput) {
                if (position < limit) {
                    setLine(position, limit - position);
                    position = limit;
                    return true;
                }
                return false;
            }
            int pending = limit - position;
            // A '\r' just past the limit may be the start of the "\r\n" that ends a line of exactly the limit.
            if (pending > maxLineBytes && !(pending == maxLineBytes + 1 && buffer[limit - 1] == '\r')) {
                skipOversizedLine();
                return true;
            }
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, pending);
                bufferStart += position;
                position = 0;
                limit = pending;
            }
            if (limit == buffer.length) {
                byte[] grown = new byte[(int) Math.min((long) buffer.length * 2, maxLineBytes + 2L)];
                System.arraycopy(buffer, 0, grown, 0, limit);
                buffer = grown;
            }
            scanFrom = limit;
            fill();
        }
    }

    private void fill() throws IOException {
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfInput = true;
        } else {
            limit += n;
        }
    }

    private int indexOfNewline(int from, int to) {
        byte[] b = buffer;
        int i = from;
        while (i + Long.BYTES <= to && !Swar.hasByte(Swar.load(b, i), NEWLINES)) {
            i += Long.BYTES;
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void setLine(int offset, int length) {
        if (length > 0 && buffer[offset + length - 1] == '\r') {
            length--;
        }
        lineBytes = buffer;
        lineOffset = offset;
        lineLength = length;
        if (length > maxLineBytes) {
            // A line that fit the buffer but not the limit (possible near the end of input).
            keepPrefix(buffer, offset, length);
            oversized = true;
            oversizedLength = length;
        }
    }

    private void skipOversizedLine() throws IOException {
        int pending = limit - position;
        keepPrefix(buffer, position, pending);
        long length = pending;
        position = limit;
        while (true) {
            bufferStart += limit;
            position = 0;
            limit = 0;
            fill();
            if (endOfInput) {
                break;
            }
            int newline = indexOfNewline(0, limit);
            if (newline >= 0) {
                length += newline;
                position = newline + 1;
                break;
            }
            length += limit;
        }
        oversized = true;
        oversizedLength = length;
    }

    private void keepPrefix(byte[] source, int offset, int available) {
        // The same prefix however the reads were cut: no more than the limit, as JsonArrayCursor keeps.
        int keep = Math.min(available, Math.min(maxLineBytes, ReadLimits.RAW_RECORD_BYTES));
        byte[] prefix = new byte[keep];
        System.arraycopy(source, offset, prefix, 0, keep);
        lineBytes = prefix;
        lineOffset = 0;
        lineLength = keep;
    }
}
