package io.atlas.domain.run;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/** Identifies one run (an ingestion, a pipeline run, a job); created outside the domain and passed in. */
public record RunId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public RunId {
        requireNonNull(value, "value is null");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "Invalid run id '" + value + "': use 1-128 letters, digits, '.', '_' or '-'");
        }
    }

    public static RunId of(String value) {
        return new RunId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
