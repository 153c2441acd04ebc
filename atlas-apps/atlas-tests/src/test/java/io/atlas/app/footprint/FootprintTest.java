package io.atlas.app.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Each artifact's runtime class path, as the build wrote it (target/runtime-classpath.txt, dependency:build-classpath
 * in the root pom, so after each module's package): what the embedding artifacts must not carry, and the footprint
 * table of docs/embedding.md held to what the build resolves.
 */
class FootprintTest {
    private static final Path ROOT = Path.of("..", "..");
    private static final Map<String, String> MODULES = new LinkedHashMap<>();

    static {
        for (String top : List.of("atlas-domain", "atlas-ports", "atlas-adapter-local", "atlas-adapter-spark", "atlas-adapter-aws")) {
            MODULES.put(top, top);
        }
        for (String app : List.of("atlas-core", "atlas-query", "atlas-aws-wiring", "atlas-tools", "atlas-cli", "atlas-lambda", "atlas-glue")) {
            MODULES.put(app, "atlas-apps/" + app);
        }
    }

    /** Libraries an embedder may put on a class path: none may bring an SLF4J binding or a JVM-wide StAX factory. */
    private static final List<String> LIBRARIES = List.of("atlas-domain", "atlas-ports", "atlas-adapter-local",
            "atlas-adapter-spark", "atlas-adapter-aws", "atlas-core", "atlas-query", "atlas-aws-wiring", "atlas-tools",
            "atlas-glue");

    private static List<Path> classPath(String artifact) {
        Path file = ROOT.resolve(MODULES.get(artifact)).resolve("target/runtime-classpath.txt");
        try {
            return Arrays.stream(Files.readString(file).trim().split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " (written at package)", e);
        }
    }

    private static long bytes(Path entry) {
        try (Stream<Path> files = Files.isDirectory(entry) ? Files.walk(entry) : Stream.of(entry)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double mebibytes(String artifact) {
        return classPath(artifact).stream().mapToLong(FootprintTest::bytes).sum() / (1024.0 * 1024.0);
    }

    private static boolean contains(Path entry, String resource) {
        if (Files.isDirectory(entry)) {
            return Files.exists(entry.resolve(resource));
        }
        try (ZipFile zip = new ZipFile(entry.toFile())) {
            return zip.getEntry(resource) != null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + entry, e);
        }
    }

    @Test
    void coreCarriesNoAwsSdkPicocliLambdaOrDuckDb() {
        List<String> entries = classPath("atlas-core").stream().map(Path::toString).toList();
        assertThat(entries).noneMatch(entry -> entry.contains("/software/amazon/"))
                .noneMatch(entry -> entry.contains("/info/picocli/"))
                .noneMatch(entry -> entry.contains("aws-lambda"))
                .noneMatch(entry -> entry.contains("/org/duckdb/"))
                .noneMatch(entry -> entry.contains("/org/apache/hadoop/hadoop-client-runtime/"));
        assertThat(mebibytes("atlas-core")).as("atlas-core's runtime class path, MiB (docs/embedding.md)").isLessThan(81);
    }

    @Test
    void duckDbComesOnlyWithQuery() {
        for (String artifact : List.of("atlas-core", "atlas-aws-wiring", "atlas-lambda", "atlas-glue")) {
            assertThat(classPath(artifact)).as(artifact).noneMatch(entry -> entry.toString().contains("/org/duckdb/"));
        }
        assertThat(classPath("atlas-query")).anyMatch(entry -> entry.toString().contains("/org/duckdb/"));
    }

    @Test
    void noLibraryCarriesAnSlf4jBindingOrAStaxServiceFile() {
        for (String artifact : LIBRARIES) {
            for (Path entry : classPath(artifact)) {
                assertThat(contains(entry, "META-INF/services/org.slf4j.spi.SLF4JServiceProvider")
                        || contains(entry, "org/slf4j/impl/StaticLoggerBinder.class"))
                        .as("SLF4J binding in %s on %s's class path", entry, artifact).isFalse();
                assertThat(contains(entry, "META-INF/services/javax.xml.stream.XMLInputFactory"))
                        .as("StAX service file in %s on %s's class path", entry, artifact).isFalse();
            }
        }
        assertThat(classPath("atlas-cli")).anyMatch(entry -> entry.getFileName().toString().startsWith("slf4j-simple-"));
    }

    @Test
    void theTableInDocsMatchesWhatTheBuildResolves() throws IOException {
        String docs = Files.readString(ROOT.resolve("docs/embedding.md"));
        Matcher row = Pattern.compile("(?m)^\\| `(atlas-[a-z-]+)` \\| (\\d+) \\| ([0-9.]+) \\|").matcher(docs);
        Map<String, String> seen = new LinkedHashMap<>();
        while (row.find()) {
            String artifact = row.group(1);
            seen.put(artifact, row.group(2));
            assertThat(classPath(artifact)).as("jars on %s's runtime class path", artifact).hasSize(Integer.parseInt(row.group(2)));
            assertThat(mebibytes(artifact)).as("MiB of %s's runtime class path", artifact)
                    .isBetween(Double.parseDouble(row.group(3)) * 0.95 - 0.1, Double.parseDouble(row.group(3)) * 1.05 + 0.1);
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(MODULES.keySet());
    }
}
