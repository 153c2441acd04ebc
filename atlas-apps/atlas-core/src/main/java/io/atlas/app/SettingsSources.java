package io.atlas.app;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Every entry point's settings come through {@link AtlasSettings#from}, whatever carries them: a {@code --config}
 * properties file or {@code -D} for the CLI, the environment for a Lambda, job arguments for Glue. This class turns
 * the latter two into the same properties, so a setting cannot mean one thing on a laptop and another on AWS.
 * <ul>
 *   <li>Environment: each key {@code atlas.a.b-c} is read from {@code ATLAS_A_B_C} (upper case, '.' and '-' as '_');
 *       {@code ATLAS_LOOKBACK_DAYS}, {@code ATLAS_SNS_TOPIC_ARN} and {@code AWS_REGION} are kept as the shorter names
 *       of {@code atlas.schedule.lookback-days}, {@code atlas.notify.sns-topic-arn} and {@code atlas.s3.region}.
 *   <li>Glue arguments: {@code --atlas.a.b-c value} (or {@code --atlas.a.b-c=value}), the key itself.
 * </ul>
 */
public final class SettingsSources {
    /** Every documented settings key. */
    public static final List<String> KEYS = List.of(
            "atlas.threads", "atlas.max-record-bytes", "atlas.max-decompressed-bytes", "atlas.max-compression-ratio",
            "atlas.default-app-name.ndjson", "atlas.default-app-name.json-gzip", "atlas.schedule.lookback-days",
            "atlas.engine", "atlas.spark.master", "atlas.spark.target-split-bytes", "atlas.spark.target-file-bytes",
            "atlas.aggregate.memory-bytes",
            "atlas.s3.endpoint", "atlas.s3.path-style-access", "atlas.s3.region",
            "atlas.notify.sns-topic-arn", "atlas.query.engine", "atlas.athena.workgroup", "atlas.athena.output-location",
            "atlas.athena.endpoint");

    /** Every key a settings file may hold: {@link #KEYS}, the quality gates' and the long-running commands' keys. */
    public static final List<String> ALL_KEYS = java.util.stream.Stream.of(KEYS, AtlasSettings.GATE_KEYS,
            List.of("atlas.ingest.quiet-period", "atlas.lock.lease")).flatMap(List::stream).toList();

    private static final Map<String, String> ENVIRONMENT_ALIASES = Map.of(
            "atlas.schedule.lookback-days", "ATLAS_LOOKBACK_DAYS",
            "atlas.notify.sns-topic-arn", "ATLAS_SNS_TOPIC_ARN",
            "atlas.s3.region", "AWS_REGION");

    private SettingsSources() {}

    /**
     * Refuses a settings file's unknown keys (a typo would otherwise be ignored silently), naming the key, the closest
     * known key and every known key. An unknown {@code atlas.gates.*} key is left to {@link AtlasSettings#from}, which
     * lists the gate keys.
     *
     * @throws IllegalArgumentException for the first unknown key, in key order
     */
    public static void requireKnownKeys(Properties properties) {
        for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            if (!ALL_KEYS.contains(key) && !key.startsWith("atlas.gates.")) { // AtlasSettings names a gate key's typo itself
                String closest = ALL_KEYS.stream().min(java.util.Comparator.comparingInt(k -> distance(k, key))).orElseThrow();
                throw new IllegalArgumentException("unknown key '" + key + "'"
                        + (distance(closest, key) <= Math.max(2, key.length() / 4) ? " (did you mean " + closest + "?)" : "")
                        + "; known keys: " + String.join(", ", ALL_KEYS));
            }
        }
    }

    /** Levenshtein distance, for "did you mean". */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The environment variable that carries {@code key}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The settings an environment carries (a Lambda's); the full name wins over its alias. */
    public static Properties fromEnvironment(Map<String, String> environment) {
        Properties properties = new Properties();
        for (String key : KEYS) {
            String value = environment.get(environmentName(key));
            if (value == null && ENVIRONMENT_ALIASES.containsKey(key)) {
                value = environment.get(ENVIRONMENT_ALIASES.get(key));
            }
            if (value != null && !value.isBlank()) {
                properties.setProperty(key, value);
            }
        }
        return properties;
    }

    /** The settings among parsed job arguments (a Glue job's {@code --atlas.*} arguments, names without the dashes). */
    public static Properties fromArguments(Map<String, String> arguments) {
        Properties properties = new Properties();
        arguments.forEach((name, value) -> {
            if (name.startsWith("atlas.")) {
                properties.setProperty(name, value);
            }
        });
        return properties;
    }
}
