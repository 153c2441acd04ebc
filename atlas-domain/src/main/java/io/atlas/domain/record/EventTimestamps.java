package io.atlas.domain.record;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The timestamp rule of SPEC §3: an ISO-8601 string with {@code Z} or an offset, or an integer of epoch
 * milliseconds; a string without a zone is {@code TIMESTAMP_WITHOUT_ZONE}, anything else unparseable
 * {@code INVALID_TIMESTAMP}. Instants are truncated to milliseconds.
 *
 * <p>Accepted ISO-8601 shapes: {@code yyyy-MM-dd'T'HH:mm[:ss[.fraction]]} followed by {@code Z}, {@code +HH:MM},
 * {@code +HHMM} or {@code +HH}; the {@code T} may also be a space (RFC 3339 §5.6) and letters may be lower
 * case. Years outside 0001-9999 are invalid (they have no {@code year=YYYY} partition).
 */
public final class EventTimestamps {
    private static final DateTimeFormatter LOCAL_DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    /** A zone designator at the end: {@code Z}, {@code +HH:MM}, {@code +HHMM} or {@code +HH}. */
    private static final Pattern ZONE_SUFFIX = Pattern.compile("(.+?)([Zz]|[+-]\\d{2}(?::?\\d{2})?)");

    private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    private EventTimestamps() {}

    /** Reads an ISO-8601 string. */
    public static TimestampCheck parseText(String text) {
        Instant fast = FastIsoInstant.parse(text);
        if (fast != null) {
            return inRange(fast, text);
        }
        String iso = withTSeparator(text);
        Matcher zoned = ZONE_SUFFIX.matcher(iso);
        if (zoned.matches()) {
            try {
                LocalDateTime local = LocalDateTime.parse(zoned.group(1), LOCAL_DATE_TIME);
                ZoneOffset offset = ZoneOffset.of(zoned.group(2).toUpperCase(Locale.ROOT));
                return inRange(local.toInstant(offset), text);
            } catch (DateTimeException notZoned) {
                // fall through: perhaps the "zone" was part of a local date-time, or nothing parses
            }
        }
        if (isLocalDateTime(iso)) {
            return new TimestampCheck.Invalid(
                    RejectReason.TIMESTAMP_WITHOUT_ZONE, "timestamp '" + clip(text) + "' has no zone or offset");
        }
        return new TimestampCheck.Invalid(RejectReason.INVALID_TIMESTAMP, "timestamp '" + clip(text) + "' is not ISO-8601");
    }

    /** Reads an integer of epoch milliseconds, given as its decimal text (it may exceed {@code long}). */
    public static TimestampCheck parseEpochMillis(String digits) {
        long millis;
        try {
            millis = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return new TimestampCheck.Invalid(
                    RejectReason.INVALID_TIMESTAMP, "epoch milliseconds " + clip(digits) + " out of range");
        }
        return fromEpochMillis(millis);
    }

    private static TimestampCheck fromEpochMillis(long millis) {
        Instant instant = Instant.ofEpochMilli(millis);
        return isInRange(instant) ? valid(instant) : outOfRange(Long.toString(millis));
    }

    private static TimestampCheck inRange(Instant instant, String text) {
        return isInRange(instant) ? valid(instant) : outOfRange(text);
    }

    private static boolean isInRange(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }

    private static TimestampCheck valid(Instant instant) {
        return new TimestampCheck.Valid(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    private static TimestampCheck outOfRange(String text) {
        return new TimestampCheck.Invalid(
                RejectReason.INVALID_TIMESTAMP, "timestamp '" + clip(text) + "' is outside years 0001-9999");
    }

    /** RFC 3339 allows a space (or a lower-case {@code t}) between date and time. */
    private static String withTSeparator(String text) {
        if (text.length() > 10 && (text.charAt(10) == ' ' || text.charAt(10) == 't')) {
            return text.substring(0, 10) + 'T' + text.substring(11);
        }
        return text;
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text, LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    static String clip(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    /** The exact-field parser for the shape nearly every log line has; {@code null} sends the text to the full parser. */
    static final class FastIsoInstant {
        private FastIsoInstant() {}

        /** Parses {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} exactly, or returns {@code null}. */
        static Instant parse(String s) {
            int length = s.length();
            if ((length != 20 && length != 24) || s.charAt(length - 1) != 'Z' || s.charAt(10) != 'T'
                    || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
                return null;
            }
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 2);
            int day = digits(s, 8, 2);
            int hour = digits(s, 11, 2);
            int minute = digits(s, 14, 2);
            int second = digits(s, 17, 2);
            int millis = 0;
            if (length == 24) {
                if (s.charAt(19) != '.') {
                    return null;
                }
                millis = digits(s, 20, 3);
            }
            if ((year | month | day | hour | minute | second | millis) < 0
                    || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59
                    || day > YearMonth.of(Math.max(year, 1), month).lengthOfMonth() || year < 1) {
                return null;
            }
            long days = LocalDate.of(year, month, day).toEpochDay();
            long epochSecond = days * 86_400L + hour * 3_600L + minute * 60L + second;
            return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
        }

        private static int digits(String s, int from, int count) {
            int value = 0;
            for (int i = from; i < from + count; i++) {
                int d = s.charAt(i) - '0';
                if (d < 0 || d > 9) {
                    return -1;
                }
                value = value * 10 + d;
            }
            return value;
        }
    }

    /** Exposed for tests: whether the exact-field fast path handles the text (the full parser must agree). */
    static boolean fastPathAccepts(String text) {
        return FastIsoInstant.parse(text) != null;
    }
}
