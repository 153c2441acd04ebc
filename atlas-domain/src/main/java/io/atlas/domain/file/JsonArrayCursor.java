package io.atlas.domain.file;

import io.atlas.domain.record.RejectReason;
import io.atlas.domain.record.SourceFields;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * One JSON array of records, which SPEC §2 requires to be well-formed as a whole: any syntax fault, wherever it is,
 * is {@code MALFORMED_FILE}, however many good elements came before it. The array's framing (brackets, strings,
 * a comma after each element) is checked at the byte level, for every element whatever its size; each element is
 * then read like an NDJSON line, and one that is not valid JSON fails the file. A well-formed element that is not
 * an object ({@code 42}, {@code [1]}, {@code null}) is a {@code MALFORMED_RECORD} row; one that is not UTF-8 an
 * {@code INVALID_ENCODING} row; one over the record limit a {@code RECORD_TOO_LARGE} row (its framing checked,
 * its inner syntax not).
 */
final class JsonArrayCursor extends CurrentRecord {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final ReadLimits limits;
    private final JsonObjectReader reader;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;

    private byte[] element = new byte[4096];
    private int elementLength;
    private long elementFullLength;
    private boolean oversized;

    /** The current element's bytes: in {@link #buffer} when it was read in place, else in {@link #element}. */
    private byte[] raw = element;
    private int rawOffset;
    private int rawLength;

    private boolean started;
    private boolean finished;

    JsonArrayCursor(InputStream in, ReadLimits limits, JsonObjectReader reader) {
        this.in = in;
        this.limits = limits;
        this.reader = reader;
    }

    @Override
    public boolean next() throws IOException {
        if (finished) {
            return false;
        }
        if (!started) {
            started = true;
            int first = nextNonWhitespace();
            if (first != '[') {
                throw malformed("does not start with '['");
            }
            int second = nextNonWhitespace();
            if (second == ']') {
                finish();
                return false;
            }
            if (second < 0) {
                throw malformed("the array is not closed");
            }
            position--; // the element's first byte
        }
        if (readInPlace()) {
            index++;
            problem = null;
            return true;
        }
        int terminator = readElement();
        index++;
        if (elementLength == 0) {
            throw malformed("element " + index + " is empty");
        }
        current(element, 0, elementLength);
        if (terminator == ']') {
            finish();
        }
        problem = JsonRecordSlice.classify(
                element, 0, elementLength, oversized, elementFullLength, limits, reader, fields);
        if (problem != null && problem.reason() == RejectReason.MALFORMED_RECORD
                && !reader.isOneJsonValue(element, 0, elementLength)) {
            throw malformed("element " + index + " is not valid JSON (" + problem.detail() + ")");
        }
        return true;
    }

    /**
     * The fast path for the element nearly every array is made of: a flat object of valid UTF-8 within the record
     * limit whose strings have no escapes, with its terminator in the bytes already read. Such an element is read
     * where it lies, in one pass, instead of being framed and copied first and then read. Anything else (an escape,
     * a nested value, a fault, an element that goes on past the bytes read) declines with the cursor untouched, and
     * the element is framed and read as before. What it accepts the framing would have cut into the same bytes, and
     * {@link JsonRecordSlice#classify} read into the same fields with no problem: {@code JsonArrayReadsTest} compares
     * the two on arrays read whole and a byte at a time.
     */
    private boolean readInPlace() throws IOException {
        int start = position;
        while (start < limit && isWhitespace(buffer[start])) {
            start++;
        }
        int end = reader.readFlatObjectAt(buffer, start, limit, fields);
        if (end < 0 || end - start > limits.maxRecordBytes()) {
            return false;
        }
        int terminator = end;
        while (terminator < limit && isWhitespace(buffer[terminator])) {
            terminator++;
        }
        if (terminator == limit || (buffer[terminator] != ',' && buffer[terminator] != ']')
                || !Utf8.isValid(buffer, start, end - start)) {
            return false;
        }
        position = terminator + 1;
        oversized = false;
        int length = end - start;
        if (buffer[terminator] == ',') {
            current(buffer, start, length);
            return true;
        }
        // The array's last element: finish() reads on past the buffer, so the element is kept apart first.
        if (element.length < length) {
            element = new byte[length];
        }
        System.arraycopy(buffer, start, element, 0, length);
        current(element, 0, length);
        finish();
        return true;
    }

    private void current(byte[] bytes, int offset, int length) {
        raw = bytes;
        rawOffset = offset;
        rawLength = length;
    }

    /**
     * Reads one element up to its terminator (',' or ']' outside strings at depth 0), without the whitespace around
     * it. Once a string, object or array at depth 0 has closed, or whitespace at depth 0 has followed a scalar, the
     * element is complete: anything but whitespace before the terminator is a missing comma.
     */
    private int readElement() throws IOException {
        elementLength = 0;
        elementFullLength = 0;
        oversized = false;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean leading = true;
        boolean complete = false;
        while (true) {
            int c = read();
            if (c < 0) {
                throw malformed("the array is not closed (element " + (index + 1) + " is unterminated)");
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                    complete = depth == 0;
                } else {
                    // A plain byte of a string: it and the plain bytes after it in the buffer change no state.
                    append(c);
                    appendStringRun();
                    continue;
                }
            } else if (isWhitespace(c)) {
                if (depth == 0) {
                    // Outside any object or array, whitespace ends the value (or precedes it): it is not part of
                    // the element, so it neither counts towards the record limit nor needs trimming later.
                    complete = !leading;
                    continue;
                }
            } else if ((c == ',' || c == ']') && depth == 0) {
                return c;
            } else if (complete) {
                throw malformed("element " + (index + 1) + " is followed by '" + (char) c + "' instead of ',' or ']'"
                        + " (a missing comma?)");
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    throw malformed("unbalanced '}' in element " + (index + 1));
                }
                depth--;
                complete = depth == 0;
            }
            leading = false;
            append(c);
        }
    }

    /** Appends the buffered bytes up to the next quote or backslash (or the buffer's end) at once. */
    private void appendStringRun() {
        int from = position;
        int to = from;
        while (to < limit) {
            byte b = buffer[to];
            if (b == '"' || b == '\\') {
                break;
            }
            to++;
        }
        int length = to - from;
        position = to;
        if (oversized || elementFullLength + length > limits.maxRecordBytes()) {
            for (int i = from; i < to; i++) {
                append(buffer[i] & 0xff); // the byte-wise path keeps the oversized element's prefix
            }
            return;
        }
        elementFullLength += length;
        if (elementLength + length > element.length) {
            byte[] grown = new byte[(int) Math.min(Math.max(element.length * 2L, elementLength + (long) length),
                    limits.maxRecordBytes())];
            System.arraycopy(element, 0, grown, 0, elementLength);
            element = grown;
        }
        System.arraycopy(buffer, from, element, elementLength, length);
        elementLength += length;
    }

    private void append(int c) {
        elementFullLength++;
        if (elementFullLength > limits.maxRecordBytes()) {
            if (!oversized) {
                oversized = true;
                elementLength = Math.min(elementLength, ReadLimits.RAW_RECORD_BYTES);
            }
            return;
        }
        if (elementLength == element.length) {
            byte[] grown = new byte[Math.min(element.length * 2, limits.maxRecordBytes())];
            System.arraycopy(element, 0, grown, 0, elementLength);
            element = grown;
        }
        element[elementLength++] = (byte) c;
    }

    private void finish() throws IOException {
        finished = true;
        int trailing = nextNonWhitespace();
        if (trailing >= 0) {
            throw malformed("content after the closing ']'");
        }
    }

    private int nextNonWhitespace() throws IOException {
        int c;
        do {
            c = read();
        } while (c >= 0 && isWhitespace(c));
        return c;
    }

    private int read() throws IOException {
        if (position == limit) {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                if (n < 0) {
                    return -1;
                }
                int b = in.read();
                if (b < 0) {
                    return -1;
                }
                buffer[0] = (byte) b;
                n = 1;
            }
            position = 0;
            limit = n;
        }
        return buffer[position++] & 0xff;
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private FileContentException malformed(String detail) {
        return new FileContentException(FileRejectReason.MALFORMED_FILE, "JSON array is not well-formed: " + detail);
    }

    @Override
    public String rawText() {
        return oversized ? Utf8.rawPrefix(raw, rawOffset, rawLength) : Utf8.rawText(raw, rawOffset, rawLength);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
