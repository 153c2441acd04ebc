package io.atlas.domain.file;

import io.atlas.domain.record.SourceFields;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * One JSON array of records. The array's structure (brackets, strings, commas between elements) is checked at
 * the byte level: a structural fault is {@code MALFORMED_FILE}. Each element is then read like an NDJSON line, so
 * an element that is not an object, not valid JSON, not UTF-8 or too large is a reject row of its own.
 */
final class JsonArrayCursor implements RecordCursor {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final ReadLimits limits;
    private final JsonObjectReader reader;
    private final SourceFields fields = new SourceFields();
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;

    private byte[] element = new byte[4096];
    private int elementLength;
    private long elementFullLength;
    private boolean oversized;

    private boolean started;
    private boolean finished;
    private long index;
    private @Nullable Problem problem;

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
        int terminator = readElement();
        index++;
        if (elementLength == 0) {
            throw malformed("element " + index + " is empty");
        }
        if (terminator == ']') {
            finish();
        }
        problem = JsonRecordSlice.classify(
                element, 0, elementLength, oversized, elementFullLength, limits, reader, fields);
        return true;
    }

    /** Reads one element up to its terminator (',' or ']' outside strings at depth 0), trimmed of whitespace. */
    private int readElement() throws IOException {
        elementLength = 0;
        elementFullLength = 0;
        oversized = false;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean leading = true;
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
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    if (c == ']') {
                        trimTrailingWhitespace();
                        return c;
                    }
                    throw malformed("unbalanced '}' in element " + (index + 1));
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                trimTrailingWhitespace();
                return c;
            } else if (leading && isWhitespace(c)) {
                continue;
            }
            leading = false;
            append(c);
        }
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

    private void trimTrailingWhitespace() {
        if (oversized) {
            return;
        }
        while (elementLength > 0 && isWhitespace(element[elementLength - 1])) {
            elementLength--;
            elementFullLength--;
        }
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

    @Override
    public String rawText() {
        return Utf8.rawText(element, 0, elementLength);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
