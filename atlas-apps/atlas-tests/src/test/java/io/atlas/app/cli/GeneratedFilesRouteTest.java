package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code atlas generate} calls a good file is routed by ingestion, bad records and all, and each bad file it
 * writes is rejected once with the reason it stands for: a generated bad record never takes its whole file down (a
 * gzip'd array's bad element once was a syntax fault, so the demo rejected every API log as MALFORMED_FILE).
 */
class GeneratedFilesRouteTest {
    @TempDir
    Path lake;

    @Test
    void withoutBadFilesNothingIsRejectedAndEveryFormatIsRouted() throws IOException {
        assertThat(Cli.run(lake, "generate", "--records", "3000", "--bad-share", "0.2", "--no-bad-files",
                "--from", "2024-11-29", "--to", "2024-11-30").exitCode()).isZero();
        Cli.Result ingest = Cli.run(lake, "ingest", "-q");
        assertThat(ingest.exitCode()).as(ingest.out()).isZero();

        assertThat(files(lake.resolve("rejected"))).isEmpty();
        assertThat(files(lake.resolve("validated")))
                .anyMatch(f -> f.contains("api_logs_2024-11-29.json.gz"))
                .anyMatch(f -> f.contains("api_logs_2024-11-30.json.gz"))
                .anyMatch(f -> f.contains("access_logs_2024-11-29.ndjson"))
                .anyMatch(f -> f.contains("errors_2024-11-30.xml"));
    }

    @Test
    void eachBadFileIsRejectedForTheReasonItStandsFor() throws IOException {
        assertThat(Cli.run(lake, "generate", "--records", "3000", "--bad-share", "0.2",
                "--from", "2024-11-29", "--to", "2024-11-29").exitCode()).isZero();
        assertThat(Cli.run(lake, "ingest", "-q").exitCode()).isZero();

        List<String> reasons = files(lake.resolve("rejected")).stream().filter(f -> f.endsWith(".error.json"))
                .map(f -> read(lake.resolve("rejected").resolve(f)).replaceAll("(?s).*\"reason_code\" : \"([A-Z_]+)\".*", "$1"))
                .sorted().toList();
        assertThat(reasons).containsExactly("CORRUPT_GZIP", "EMPTY_FILE", "MALFORMED_FILE", "UNKNOWN_FORMAT", "UNSAFE_XML");
        assertThat(files(lake.resolve("validated"))).anyMatch(f -> f.endsWith("api_logs_2024-11-29.json.gz"));
    }

    private static List<String> files(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
