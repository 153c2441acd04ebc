package io.atlas.domain.lake;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A file that landed under {@code raw/}: {@code raw/<folder>/<name>}.
 *
 * <p>{@code name} is everything below the folder (it may contain {@code /}) and is the file's identity. A key
 * directly below {@code raw/} has an empty folder; it is rejected as {@code UNKNOWN_FORMAT} like any folder that
 * is not one of the three formats.
 */
public record RawObject(ObjectKey key, String folder, String name) {

    public RawObject {
        requireNonNull(key, "key is null");
        requireNonNull(folder, "folder is null");
        requireNonNull(name, "name is null");
    }

    /** Parses a key below {@code raw/}; fails for any other key. */
    public static RawObject of(ObjectKey key) {
        String value = key.value();
        if (!value.startsWith(LakeLayout.RAW) || value.length() == LakeLayout.RAW.length()) {
            throw new IllegalArgumentException("Cannot ingest " + value + ": not a key below " + LakeLayout.RAW);
        }
        String rest = value.substring(LakeLayout.RAW.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new RawObject(key, "", rest);
        }
        return new RawObject(key, rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** The format its folder names, if it is one of the three. */
    public Optional<LogFormat> format() {
        return LogFormat.fromFolder(folder);
    }
}
