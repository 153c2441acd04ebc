package io.atlas.domain.quality;

import java.util.Locale;

/** What a tripped gate does: nothing ({@code off}: not evaluated), a warning, or a failed run exit. */
public enum GateAction {
    OFF,
    WARN,
    FAIL;

    /** Parses {@code off}, {@code warn} or {@code fail} (any case). */
    public static GateAction of(String key, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read " + key + " '" + value + "': use off, warn or fail");
        }
    }
}
