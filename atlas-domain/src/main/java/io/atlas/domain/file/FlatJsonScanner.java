package io.atlas.domain.file;

import io.atlas.domain.record.SourceField;
import io.atlas.domain.record.SourceFields;
import io.atlas.domain.record.ValueKind;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link JsonObjectReader} for the shape nearly every log line has: one flat JSON object whose
 * strings have no escapes and whose values are strings, numbers, booleans or null. It either reads such a line
 * exactly as Jackson would (same fields, kinds and texts; the last duplicate wins) or declines, and then Jackson
 * reads the line: anything unusual (escapes, nested values, odd numbers, syntax errors) is Jackson's to judge.
 * {@code FlatJsonScannerTest} checks the agreement on generated lines. Bytes must be valid UTF-8 for {@link #read};
 * {@link #readObjectAt} is given bytes not yet checked.
 *
 * <p>Not thread-safe; text values come through the reading thread's {@link TextCache}.
 */
final class FlatJsonScanner {
    private static final int MAX_NUMBER_LENGTH = 1000;
    private static final long QUOTES = Swar.broadcast('"');
    private static final long BACKSLASHES = Swar.broadcast('\\');
    private static final byte[][] NAMES = new byte[SourceField.values().length][];
    /** The fields JSON records carry, once (values() copies its array at every call). */
    private static final SourceField[] JSON_FIELDS = java.util.Arrays.stream(SourceField.values())
            .filter(SourceField::inJson)
            .toArray(SourceField[]::new);

    static {
        for (SourceField field : SourceField.values()) {
            NAMES[field.ordinal()] = field.sourceName().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private byte[] b;
    private int i;
    private int end;
    /** The reading thread's caches, taken at each {@link #read} (a reader may move between threads). */
    private TextCache @Nullable [] caches;

    /** Reads the object into {@code out} and returns true, or returns false (declined; {@code out} is undefined). */
    boolean read(byte[] bytes, int offset, int length, SourceFields out) {
        start(bytes, offset, offset + length, out);
        skipWhitespace();
        return object(out) && atEnd();
    }

    /**
     * Reads the object that starts with the <code>'{'</code> at {@code offset} and may end anywhere before
     * {@code limit} (an array element in place, with the rest of the array after it): returns the offset just after
     * its closing brace, or -1 when it declines, the object's end not being before {@code limit} among the reasons
     * ({@code out} is then undefined). What it accepts it reads exactly as {@link #read} reads the same bytes cut at
     * that end. Bytes are not checked for UTF-8 here; a caller that finds them invalid discards what was read. The
     * thread's {@link TextCache} may then keep a text of such bytes, but only the same bytes find it again, and they
     * are discarded again.
     */
    int readObjectAt(byte[] bytes, int offset, int limit, SourceFields out) {
        start(bytes, offset, limit, out);
        return object(out) ? i : -1;
    }

    private void start(byte[] bytes, int offset, int limit, SourceFields out) {
        b = bytes;
        i = offset;
        end = limit;
        caches = null;
        out.clear();
    }

    /** Reads the object at {@code i} up to just after its closing brace. */
    private boolean object(SourceFields out) {
        if (i >= end || b[i] != '{') {
            return false;
        }
        i++;
        skipWhitespace();
        if (i < end && b[i] == '}') {
            i++;
            return true;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return false;
            }
            int nameStart = ++i;
            if (!skipSimpleString()) {
                return false;
            }
            int nameEnd = i - 1;
            skipWhitespace();
            if (i >= end || b[i] != ':') {
                return false;
            }
            i++;
            skipWhitespace();
            if (i >= end) {
                return false;
            }
            SourceField field = field(nameStart, nameEnd - nameStart);
            byte c = b[i];
            if (c == '"') {
                int valueStart = ++i;
                if (!skipSimpleString()) {
                    return false;
                }
                if (field != null) {
                    out.set(field, ValueKind.TEXT, text(field, valueStart, i - 1 - valueStart));
                }
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                int numberStart = i;
                int kind = number();
                if (kind < 0) {
                    return false;
                }
                if (field != null) {
                    out.set(field, kind == 0 ? ValueKind.INTEGER : ValueKind.DECIMAL, text(field, numberStart, i - numberStart));
                }
            } else if (literal("true")) {
                if (field != null) {
                    out.set(field, ValueKind.BOOLEAN, "true");
                }
            } else if (literal("false")) {
                if (field != null) {
                    out.set(field, ValueKind.BOOLEAN, "false");
                }
            } else if (literal("null")) {
                if (field != null) {
                    out.set(field, ValueKind.NULL, "");
                }
            } else {
                return false; // nested values and errors are Jackson's
            }
            skipWhitespace();
            if (i >= end) {
                return false;
            }
            if (b[i] == ',') {
                i++;
                skipWhitespace();
                continue;
            }
            if (b[i] == '}') {
                i++;
                return true;
            }
            return false;
        }
    }

    /**
     * A value's text: through the thread's {@link TextCache} of its field, except the timestamps, which nearly never repeat (a
     * lookup would only cost).
     */
    private String text(SourceField field, int start, int length) {
        if (field == SourceField.TIMESTAMP || field == SourceField.ERROR_TIME) {
            return new String(b, start, length, StandardCharsets.UTF_8);
        }
        TextCache[] values = caches;
        if (values == null) {
            values = TextCache.forThisThread();
            caches = values;
        }
        return TextCache.of(values, field).text(b, start, length);
    }

    private boolean atEnd() {
        skipWhitespace();
        return i == end;
    }

    private void skipWhitespace() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            i++;
        }
    }

    /** Skips to just after the closing quote of a string without escapes or control characters. */
    private boolean skipSimpleString() {
        // 8 bytes at a time while none of them is a quote, a backslash or a control character.
        while (i + Long.BYTES <= end) {
            long word = Swar.load(b, i);
            if (Swar.hasByte(word, QUOTES) || Swar.hasByte(word, BACKSLASHES) || Swar.hasControl(word)) {
                break;
            }
            i += Long.BYTES;
        }
        while (i < end) {
            byte c = b[i++];
            if (c == '"') {
                return true;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return false;
            }
        }
        return false;
    }

    /** A JSON number: 0 for an integer, 1 for a decimal, -1 when it is not plainly one. */
    private int number() {
        int start = i;
        if (b[i] == '-') {
            i++;
        }
        if (i >= end) {
            return -1;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            skipDigits();
        } else {
            return -1;
        }
        int kind = 0;
        if (i < end && b[i] == '.') {
            i++;
            if (skipDigits() == 0) {
                return -1;
            }
            kind = 1;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (skipDigits() == 0) {
                return -1;
            }
            kind = 1;
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            return -1;
        }
        // A number must be followed by a separator, as Jackson requires.
        return separatorOrEnd(i) ? kind : -1;
    }

    /** Skips ASCII digits; returns how many. */
    private int skipDigits() {
        int start = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - start;
    }

    /** Whether a value may end before {@code at}: the input ends there, or a separator or whitespace follows. */
    private boolean separatorOrEnd(int at) {
        if (at >= end) {
            return true;
        }
        byte c = b[at];
        return c == ',' || c == '}' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private boolean literal(String word) {
        int length = word.length();
        if (end - i < length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        int after = i + length;
        if (!separatorOrEnd(after)) {
            return false;
        }
        i = after;
        return true;
    }

    private SourceField field(int start, int length) {
        for (SourceField field : JSON_FIELDS) {
            byte[] name = NAMES[field.ordinal()];
            if (name.length == length && equal(name, start)) {
                return field;
            }
        }
        return null;
    }

    private boolean equal(byte[] name, int start) {
        for (int k = 0; k < name.length; k++) {
            if (b[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }
}
