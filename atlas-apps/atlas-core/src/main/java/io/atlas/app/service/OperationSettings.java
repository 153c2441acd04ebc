package io.atlas.app.service;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long-running commands behave: {@code atlas.ingest.quiet-period} (how long a file under {@code raw/} must keep
 * its size and modification time before {@code watch} takes it; default 5 s) and {@code atlas.lock.lease} (the lease
 * of an S3 lake's run lock, renewed by the live run; default 60 s). Durations are written {@code 500ms}, {@code 5s},
 * {@code 2m} or as ISO-8601 ({@code PT5S}).
 */
public record OperationSettings(Duration quietPeriod, Duration lockLease) {
    public static final OperationSettings DEFAULTS = new OperationSettings(Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    public OperationSettings {
        requireNonNull(quietPeriod, "quietPeriod is null");
        requireNonNull(lockLease, "lockLease is null");
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("atlas.ingest.quiet-period must not be negative, got " + quietPeriod);
        }
        if (lockLease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("atlas.lock.lease must be at least 3s (it is renewed every third), got " + lockLease);
        }
    }

    public static OperationSettings from(Properties properties) {
        return new OperationSettings(duration(properties, "atlas.ingest.quiet-period", DEFAULTS.quietPeriod),
                duration(properties, "atlas.lock.lease", DEFAULTS.lockLease));
    }

    /** Parses {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or an ISO-8601 duration. */
    public static Duration parse(String key, String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("Cannot read " + key + ": '" + text + "' is not a duration (500ms, 5s, 2m, PT5S)");
        }
    }

    private static Duration duration(Properties properties, String key, Duration fallback) {
        String text = properties.getProperty(key);
        return text == null ? fallback : parse(key, text);
    }
}
