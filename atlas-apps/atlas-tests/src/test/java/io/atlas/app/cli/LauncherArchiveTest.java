package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./atlas} script makes its class-data archive again whenever the jars of the class path are not the
 * ones it was made from: the JVM ignores an archive once a jar differs in size or modification time, and a
 * {@code ./mvnw package} or {@code verify} after the last {@code ./atlas} rewrites the jars without touching a
 * source (round 16: the tiny day then took about 2 s instead of 1). The script runs in a copy of the repository's
 * layout with built jars in place, against a stand-in {@code java} that records each start and writes the archive
 * it is asked to, so nothing is built and no JVM starts.
 */
class LauncherArchiveTest {
    /** A start of the CLI that maps the recorded archive. */
    private static final String RUN = "run with archive";

    @TempDir
    Path repo;

    private Path lib;
    private Path starts;

    @BeforeEach
    void aBuiltLayout() throws IOException {
        Files.copy(Path.of("..", "..", "atlas"), repo.resolve("atlas"));
        repo.resolve("atlas").toFile().setExecutable(true);
        Path target = Files.createDirectories(repo.resolve("atlas-apps/atlas-cli/target"));
        lib = Files.createDirectories(target.resolve("lib"));
        Files.writeString(target.resolve("atlas-cli-0.1.0.jar"), "cli");
        Files.writeString(lib.resolve("atlas-domain-0.1.0.jar"), "domain");
        Files.writeString(lib.resolve("jackson-databind-2.15.4.jar"), "jackson");
        Files.writeString(lib.resolve(".atlas-cli-built"), "");
        // the launcher's build stamp, from long ago: the script sees a built CLI and builds nothing
        Files.setLastModifiedTime(lib.resolve(".atlas-cli-built"), FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        starts = repo.resolve("starts.log");
        Path bin = Files.createDirectories(repo.resolve("jdk/bin"));
        Path java = bin.resolve("java");
        // Records "train" for the archive's recording run (and writes the archive there), "run" for any other start,
        // and "run with archive" when that start maps an archive that exists.
        Files.writeString(java, String.join("\n",
                "#!/usr/bin/env bash",
                "kind=run",
                "for arg in \"$@\"; do",
                "  case \"$arg\" in",
                "    -XX:ArchiveClassesAtExit=*) kind=train; echo archive > \"${arg#-XX:ArchiveClassesAtExit=}\" ;;",
                "    -XX:SharedArchiveFile=*) [ -s \"${arg#-XX:SharedArchiveFile=}\" ] && kind=\"run with archive\" ;;",
                "  esac",
                "done",
                "echo \"$kind\" >> '" + starts + "'",
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theArchiveIsMadeOnceAndAgainWhenAJarChangesEvenToAnOlderTime() throws Exception {
        launch();
        assertThat(starts()).containsExactly("train", RUN);
        launch();
        assertThat(starts()).containsExactly("train", RUN, RUN);

        // What copying a rebuilt jar into lib/ with its build time kept does: older than the archive, yet another jar.
        Files.writeString(lib.resolve("atlas-domain-0.1.0.jar"), "domain, rebuilt");
        Files.setLastModifiedTime(lib.resolve("atlas-domain-0.1.0.jar"), FileTime.from(Instant.parse("2025-06-01T00:00:00Z")));
        launch();
        assertThat(starts()).containsExactly("train", RUN, RUN, "train", RUN);
        launch();
        assertThat(starts()).hasSize(6).endsWith(RUN, RUN);
        assertThat(archives()).as("the archive of the jars before is removed").hasSize(1);
    }

    @Test
    void aJarOfTheSameSizeWithAnotherTimeMakesTheArchiveAgain() throws Exception {
        launch();
        Files.setLastModifiedTime(lib.resolve("jackson-databind-2.15.4.jar"), FileTime.from(Instant.parse("2024-03-01T00:00:00Z")));
        launch();
        assertThat(starts()).containsExactly("train", RUN, "train", RUN);
    }

    @Test
    void aJarAddedToTheClassPathMakesTheArchiveAgain() throws Exception {
        launch();
        Files.writeString(lib.resolve("hppc-0.10.0.jar"), "hppc");
        launch();
        assertThat(starts()).containsExactly("train", RUN, "train", RUN);
    }

    @Test
    void withTheArchiveSwitchedOffNothingIsRecorded() throws Exception {
        launch("ATLAS_CDS", "off");
        assertThat(starts()).containsExactly("run");
    }

    private void launch(String... environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(repo.resolve("atlas").toString(), "--help")
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .redirectOutput(repo.resolve("launcher.out").toFile());
        builder.environment().put("JAVA_HOME", repo.resolve("jdk").toString());
        builder.environment().remove("ATLAS_CDS");
        builder.environment().remove("ATLAS_JAVA_OPTS");
        for (int i = 0; i < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher did not end within 60 s");
        }
        assertThat(process.exitValue()).as(Files.readString(repo.resolve("launcher.out"))).isZero();
    }

    private List<String> starts() throws IOException {
        return Files.exists(starts) ? Files.readAllLines(starts) : List.of();
    }

    private List<Path> archives() throws IOException {
        try (var files = Files.list(repo.resolve("atlas-apps/atlas-cli/target"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsa")).toList();
        }
    }
}
