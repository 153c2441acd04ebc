package io.atlas.domain.quality;

import static java.util.Objects.requireNonNull;

/** One input file of a run, by its name under {@code validated/<format>/<day>/} and its content's SHA-256. */
public record InputFile(String name, String sha256, long size) {
    public InputFile {
        requireNonNull(name, "name is null");
        requireNonNull(sha256, "sha256 is null");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Cannot record input " + name + ": '" + sha256 + "' is not a SHA-256 in hex");
        }
        if (size < 0) {
            throw new IllegalArgumentException("Cannot record input " + name + ": size is negative");
        }
    }
}
