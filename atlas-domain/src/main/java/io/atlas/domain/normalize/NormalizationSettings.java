package io.atlas.domain.normalize;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.record.AppNameDefaults;

/** The configurable parts of normalization. */
public record NormalizationSettings(ReadLimits limits, AppNameDefaults appNames) implements java.io.Serializable {
    public static final NormalizationSettings DEFAULTS = new NormalizationSettings(ReadLimits.DEFAULTS, AppNameDefaults.DEFAULTS);

    public NormalizationSettings {
        requireNonNull(limits, "limits is null");
        requireNonNull(appNames, "appNames is null");
    }
}
