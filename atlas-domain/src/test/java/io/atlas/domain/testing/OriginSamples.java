package io.atlas.domain.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The real sample files of the origin system ({@code ../shared/samples/origin/}), which CI provides. */
public final class OriginSamples {
    private OriginSamples() {}

    public static Path dir() {
        String configured = System.getProperty("atlas.samples.dir", System.getenv("ATLAS_SAMPLES_DIR"));
        Path dir = configured != null ? Paths.get(configured) : Paths.get("..", "..", "shared", "samples", "origin");
        if (!Files.isDirectory(dir)) {
            // Running from a module directory: the repo root is one level up.
            Path fromModule = Paths.get("..", "..", "shared", "samples", "origin");
            if (Files.isDirectory(fromModule)) {
                return fromModule.toAbsolutePath().normalize();
            }
            throw new IllegalStateException("Cannot find the origin samples: " + dir.toAbsolutePath()
                    + " (set -Datlas.samples.dir or ATLAS_SAMPLES_DIR)");
        }
        return dir.toAbsolutePath().normalize();
    }

    public static Path file(String day, String name) {
        return dir().resolve(day).resolve(name);
    }
}
