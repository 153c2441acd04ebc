package io.atlas.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.app.cli.Lakes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding sample compiles against the library and does what it says. */
class EmbeddingReadmeTest {
    @TempDir
    Path work;

    @Test
    void theReadmeSampleCompilesAndRuns() throws Exception {
        String readme = Files.readString(Path.of("..", "..", "README.md"));
        Matcher sample = Pattern.compile("## Embedding.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(sample.find()).as("README has a java sample under ## Embedding").isTrue();
        Path source = work.resolve("EmbeddingExample.java");
        Files.writeString(source, sample.group(1));

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int compiled = compiler.run(null, null, null, "-classpath", System.getProperty("java.class.path"),
                "-d", work.toString(), source.toString());
        assertThat(compiled).isZero();

        Path lake = work.resolve("lake");
        Lakes.drop(lake, "raw/ndjson/a.ndjson", Lakes.ndjson("2024-11-29", 12, "10.1.0."));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("EmbeddingExample").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {lake.toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList())
                .isEqualTo(List.of("2024-11-29 SUCCEEDED", "2024-11-29 12"));
    }
}
