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

    /** The result of one field rule. */
    public sealed interface Checked<T> {
        record Ok<T>(@Nullable T value) implements Checked<T> {}

        record Failed<T>(RejectReason reason, String detail) implements Checked<T> {}
    }

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

    /** A status code: an integer 100-599, written as a JSON integer or a string of digits. */
    public static Checked<Integer> status(SourceFields fields, SourceField field) {
        ValueKind kind = fields.kind(field);
        String text = fields.text(field);
        if (absent(kind, text)) {
            return new Checked.Failed<>(RejectReason.MISSING_FIELD, missing(field));
        }
        return switch (kind) {
            case TEXT, INTEGER -> statusValue(field, text);
            case DECIMAL -> new Checked.Failed<>(
                    RejectReason.INVALID_STATUS, "field '" + field.sourceName() + "' is " + clip(text) + ", not an integer");
            case BOOLEAN, STRUCTURE, NULL -> new Checked.Failed<>(
                    RejectReason.INVALID_FIELD_TYPE, wrongType(field, kind, "an integer or a string of digits"));
        };
    }

    private static Checked<Integer> statusValue(SourceField field, String text) {
        if (!isDigits(text)) {
            return new Checked.Failed<>(
                    RejectReason.INVALID_STATUS, "field '" + field.sourceName() + "' is '" + clip(text) + "', not an integer 100-599");
        }
        int value = text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
        if (value < MIN_STATUS || value > MAX_STATUS) {
            return new Checked.Failed<>(
                    RejectReason.INVALID_STATUS, "field '" + field.sourceName() + "' is " + clip(text) + ", outside 100-599");
        }
        return new Checked.Ok<>(value);
    }

    /** A required string: missing, null or blank is {@code MISSING_FIELD}. */
    public static Checked<String> requiredText(SourceFields fields, SourceField field) {
        Checked<String> text = optionalText(fields, field);
        return text instanceof Checked.Ok<String> ok && ok.value() == null
                ? new Checked.Failed<>(RejectReason.MISSING_FIELD, missing(field))
                : text;
    }

    /** An optional string: missing, null or blank is null. */
    public static Checked<String> optionalText(SourceFields fields, SourceField field) {
        ValueKind kind = fields.kind(field);
        String text = fields.text(field);
        if (absent(kind, text)) {
            return new Checked.Ok<>(null);
        }
        if (kind != ValueKind.TEXT) {
            return new Checked.Failed<>(RejectReason.INVALID_FIELD_TYPE, wrongType(field, kind, "a string"));
        }
        return new Checked.Ok<>(text);
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
        return text == null || text.isBlank();
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
