package io.atlas.domain.record;

import io.atlas.domain.record.EventTimestamps;
import io.atlas.domain.record.TimestampCheck;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The per-field rules of SPEC §3: required and optional strings, the event timestamp, the status code.
 * Missing, JSON {@code null} and blank are the same thing ({@code MISSING_FIELD} when required, null when
 * optional); a present value of the wrong JSON type is {@code INVALID_FIELD_TYPE}.
 */
public final class FieldRules {
    public static final int MIN_STATUS = 100;
    public static final int MAX_STATUS = 599;

    private FieldRules() {}

    /**
     * Why a field fails its rule. A rule that passes returns null and allocates nothing: the value is then read with
     * {@link #text} or {@link #status}. (A wrapper for every passing field was a seventh of the normalize's
     * allocation, as the compiler cannot remove an object that two branches may return.)
     */
    public record Failure(RejectReason reason, String detail) {}

    /** The event timestamp: ISO-8601 text with a zone, or an integer of epoch milliseconds (digits in XML). */
    public static TimestampCheck eventTime(SourceFields fields, SourceField field) {
        ValueKind kind = fields.kind(field);
        String text = fields.text(field);
        if (absent(kind, text)) {
            return new TimestampCheck.Invalid(RejectReason.MISSING_FIELD, missing(field));
        }
        return switch (kind) {
            case TEXT -> field == SourceField.ERROR_TIME && isDigits(text)
                    ? EventTimestamps.parseEpochMillis(text)
                    : EventTimestamps.parseText(text);
            case INTEGER -> EventTimestamps.parseEpochMillis(text);
            case DECIMAL -> new TimestampCheck.Invalid(
                    RejectReason.INVALID_TIMESTAMP, "field '" + field.sourceName() + "' is a decimal number, not epoch milliseconds");
            case BOOLEAN, STRUCTURE, NULL -> new TimestampCheck.Invalid(
                    RejectReason.INVALID_FIELD_TYPE, wrongType(field, kind, "a string or an integer"));
        };
    }

    /** A status code: an integer 100-599, written as a JSON integer or a string of digits; null when it is one. */
    public static @Nullable Failure statusFailure(SourceFields fields, SourceField field) {
        ValueKind kind = fields.kind(field);
        String text = fields.text(field);
        if (absent(kind, text)) {
            return new Failure(RejectReason.MISSING_FIELD, missing(field));
        }
        return switch (kind) {
            case TEXT, INTEGER -> statusValueFailure(field, text);
            case DECIMAL -> new Failure(
                    RejectReason.INVALID_STATUS, "field '" + field.sourceName() + "' is " + clip(text) + ", not an integer");
            case BOOLEAN, STRUCTURE, NULL -> new Failure(
                    RejectReason.INVALID_FIELD_TYPE, wrongType(field, kind, "an integer or a string of digits"));
        };
    }

    private static @Nullable Failure statusValueFailure(SourceField field, String text) {
        if (!isDigits(text)) {
            return new Failure(
                    RejectReason.INVALID_STATUS, "field '" + field.sourceName() + "' is '" + clip(text) + "', not an integer 100-599");
        }
        int value = digitsValue(text);
        if (value < MIN_STATUS || value > MAX_STATUS) {
            return new Failure(
                    RejectReason.INVALID_STATUS, "field '" + field.sourceName() + "' is " + clip(text) + ", outside 100-599");
        }
        return null;
    }

    /** The status code of a field that passed {@link #statusFailure}. */
    public static int status(SourceFields fields, SourceField field) {
        return digitsValue(fields.text(field));
    }

    @SuppressWarnings("NullAway")
    private static int digitsValue(String text) {
        return text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
    }

    /**
     * A string field: missing, null or blank is {@code MISSING_FIELD} when {@code required} (and null, its value,
     * when not); any JSON value but a string is {@code INVALID_FIELD_TYPE}. Null when the field passes.
     */
    public static @Nullable Failure textFailure(SourceFields fields, SourceField field, boolean required) {
        ValueKind kind = fields.kind(field);
        String text = fields.text(field);
        if (absent(kind, text)) {
            return required ? new Failure(RejectReason.MISSING_FIELD, missing(field)) : null;
        }
        if (kind != ValueKind.TEXT) {
            return new Failure(RejectReason.INVALID_FIELD_TYPE, wrongType(field, kind, "a string"));
        }
        return null;
    }

    /** The value of a string field that passed {@link #textFailure}: null when it is missing, null or blank. */
    public static @Nullable String text(SourceFields fields, SourceField field) {
        String text = fields.text(field);
        return absent(fields.kind(field), text) ? null : text;
    }

    /** A field that is not there, is JSON null, or is blank text: all count as missing. */
    private static boolean absent(@Nullable ValueKind kind, @Nullable String text) {
        return kind == null || kind == ValueKind.NULL || (kind == ValueKind.TEXT && isBlank(text));
    }

    /**
     * {@code request_type}: trimmed and upper-cased (locale-independent). A value of ASCII capitals only (nearly
     * every method) is already canonical and returned as it is, without the case mapping's per-character lookups.
     */
    public static String canonicalRequestType(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 'A' || c > 'Z') {
                return value.strip().toUpperCase(Locale.ROOT);
            }
        }
        return value;
    }

    static boolean isBlank(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return true;
        }
        // No ASCII character above the space is whitespace: a value that starts with one (nearly every value) is not
        // blank without the scan.
        char first = text.charAt(0);
        return (first <= ' ' || first >= 0x7f) && text.isBlank();
    }

    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String missing(SourceField field) {
        return "missing required field '" + field.sourceName() + "'";
    }

    private static String wrongType(SourceField field, ValueKind kind, String expected) {
        String actual = switch (kind) {
            case TEXT -> "a string";
            case INTEGER, DECIMAL -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRUCTURE -> "an object or array";
        };
        return "field '" + field.sourceName() + "' is " + actual + ", expected " + expected;
    }

    private static String clip(String text) {
        return text.length() <= 32 ? text : text.substring(0, 32) + "...";
    }
}
