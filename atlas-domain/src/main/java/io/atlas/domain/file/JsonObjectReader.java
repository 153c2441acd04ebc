package io.atlas.domain.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.atlas.domain.record.SourceField;
import io.atlas.domain.record.SourceFields;
import io.atlas.domain.record.ValueKind;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON record (an NDJSON line or a JSON array element, as bytes) into {@link SourceFields}: only the
 * fields Atlas knows are kept; every other member is skipped (and still checked for syntax). Flat objects without
 * escapes go through {@link FlatJsonScanner}; everything else through Jackson's byte-level streaming parser.
 *
 * <p>SPEC §3: "Unknown extra fields are ignored, not fatal", whatever they hold, so the only bound on a record is
 * its size ({@link ReadLimits#maxRecordBytes()}, checked before parsing): Jackson's own stream-read constraints
 * (nesting depth 1000, numbers of 1000 digits, strings of 20,000,000 characters in 2.15) are raised to the record
 * size, where they can never bind first. Skipping an unknown member holds no more than its nesting contexts (about
 * 30 MB, measured, while a 1 MiB record of brackets is read) and none of its strings. Not thread-safe: one
 * instance per thread.
 */
public final class JsonObjectReader {
    private final JsonFactory factory;
    private final FlatJsonScanner fast = new FlatJsonScanner();

    public JsonObjectReader(ReadLimits limits) {
        int recordBytes = limits.maxRecordBytes();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(recordBytes)
                        .maxStringLength(recordBytes)
                        .maxNumberLength(recordBytes)
                        .build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /**
     * Reads {@code bytes[offset, offset+length)} (valid UTF-8) into {@code out}.
     *
     * @return null when it is one JSON object, else why it is not (a {@code MALFORMED_RECORD} detail)
     */
    public @Nullable String read(byte[] bytes, int offset, int length, SourceFields out) {
        if (fast.read(bytes, offset, length, out)) {
            return null;
        }
        return readWithJackson(bytes, offset, length, out);
    }

    /**
     * The fast path alone, on an object that starts at {@code offset} and may end anywhere before {@code limit}:
     * {@link FlatJsonScanner#readObjectAt}, for an array element read where it lies.
     */
    int readFlatObjectAt(byte[] bytes, int offset, int limit, SourceFields out) {
        return fast.readObjectAt(bytes, offset, limit, out);
    }

    /** The full parser alone (tests compare the fast path with it). */
    @Nullable String readWithJackson(byte[] bytes, int offset, int length, SourceFields out) {
        out.clear();
        try (JsonParser parser = factory.createParser(bytes, offset, length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return "not a JSON object: starts with " + describe(first);
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                SourceField field = SourceField.forJsonName(parser.currentName());
                JsonToken value = parser.nextToken();
                if (field == null) {
                    parser.skipChildren();
                    continue;
                }
                switch (value) {
                    case VALUE_STRING -> out.set(field, ValueKind.TEXT, parser.getText());
                    case VALUE_NUMBER_INT -> out.set(field, ValueKind.INTEGER, parser.getText());
                    case VALUE_NUMBER_FLOAT -> out.set(field, ValueKind.DECIMAL, parser.getText());
                    case VALUE_TRUE, VALUE_FALSE -> out.set(field, ValueKind.BOOLEAN, parser.getText());
                    case VALUE_NULL -> out.set(field, ValueKind.NULL, "");
                    case START_OBJECT, START_ARRAY -> {
                        parser.skipChildren();
                        out.set(field, ValueKind.STRUCTURE, "");
                    }
                    default -> {
                        return "unexpected " + value + " after field '" + field.sourceName() + "'";
                    }
                }
            }
            if (token != JsonToken.END_OBJECT) {
                return "unexpected " + describe(token) + " in object";
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                return "content after the JSON object: " + describe(trailing);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "not valid JSON: " + firstLine(e.getMessage());
        }
    }

    /** Whether {@code bytes[offset, offset+length)} is exactly one well-formed JSON value, of any type. */
    boolean isOneJsonValue(byte[] bytes, int offset, int length) {
        try (JsonParser parser = factory.createParser(bytes, offset, length)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }

    private static String describe(@Nullable JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case START_ARRAY -> "'['";
            case START_OBJECT -> "'{'";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "parse error";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
