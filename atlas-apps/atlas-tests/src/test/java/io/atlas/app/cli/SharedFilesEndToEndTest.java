package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 7: Parquet part files get the process umask's mode, like every other file of the lake. */
class SharedFilesEndToEndTest {
    @TempDir
    Path lake;

    @Test
    void partFilesAreAsReadableAsTheRestOfTheLake() throws IOException {
        Lakes.drop(lake, "raw/ndjson/day.ndjson", Lakes.ndjson("2024-11-29", 10, "10.0.0."));
        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
        String umask = PosixFilePermissions.toString(Files.getPosixFilePermissions(Files.createFile(lake.resolve("reference"))));

        List<Path> parts;
        try (Stream<Path> files = Files.walk(lake)) {
            parts = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
        }

        assertThat(parts).hasSize(4); // access, error, rejects, daily_activity
        for (Path part : parts) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(part))).as(part.toString()).isEqualTo(umask);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lake.resolve("_atlas/lake.json")))).isEqualTo(umask);
    }
}
