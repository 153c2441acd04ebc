package io.atlas.domain.record;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.LogFormat;

/**
 * The {@code app_name} of a JSON access record without {@code service}/{@code app_name} (SPEC §3): configured per
 * format, {@code ndjson -> web_app_1} and {@code json_gzip -> api_service} by default.
 */
public record AppNameDefaults(String ndjson, String jsonGzip) implements java.io.Serializable {
    public static final AppNameDefaults DEFAULTS = new AppNameDefaults("web_app_1", "api_service");

    public AppNameDefaults {
        requireNonNull(ndjson, "ndjson is null");
        requireNonNull(jsonGzip, "jsonGzip is null");
        if (ndjson.isBlank() || jsonGzip.isBlank()) {
            throw new IllegalArgumentException("Default app names must not be blank");
        }
    }

    public String forFormat(LogFormat format) {
        return switch (format) {
            case NDJSON -> ndjson;
            case JSON_GZIP -> jsonGzip;
            case XML_ERRORS -> throw new IllegalArgumentException("XML error records name their service; no default applies");
        };
    }
}
