package io.atlas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Lambda jar is small (under 16 MB; 25.2 MB with the Glue, Athena and SNS clients it used to carry) and carries no
 * Spark, Hadoop, Parquet, DuckDB or SDK client its handlers never reach; each handler loads from the jar alone.
 */
class LambdaJarIT {

    @Test
    void theLambdaJarIsSmallAndHasTheHandlersButNoHeavyEngines() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("../atlas-lambda/target"))) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-lambda.jar")).findFirst().orElseThrow();
        }
        List<String> entries;
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(e -> e.getName()).toList();
        }

        assertThat(Files.size(jar)).isLessThan(16L * 1024 * 1024);
        assertThat(entries).contains("io/atlas/app/lambda/IngestionHandler.class", "io/atlas/app/lambda/PlanHandler.class",
                "io/atlas/app/lambda/RunEndHandler.class", "io/atlas/aws/s3/S3ObjectStore.class",
                "software/amazon/awssdk/eventnotifications/s3/model/S3EventNotification.class",
                "software/amazon/awssdk/http/urlconnection/UrlConnectionHttpClient.class");
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/spark/") || e.startsWith("scala/")
                || e.startsWith("org/apache/hadoop/") || e.startsWith("org/duckdb/") || e.startsWith("org/apache/parquet/")
                || e.startsWith("io/netty/") || e.startsWith("org/apache/http/")
                || e.startsWith("software/amazon/awssdk/services/glue/") || e.startsWith("software/amazon/awssdk/services/athena/")
                || e.startsWith("software/amazon/awssdk/services/sns/"));
        try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String handler : new String[] {"IngestionHandler", "PlanHandler", "RunEndHandler"}) {
                Class<?> type = Class.forName("io.atlas.app.lambda." + handler, true, alone);
                assertThat(type.getDeclaredMethods()).as(handler).isNotEmpty();
                assertThat(type.getDeclaredConstructors()).as(handler).isNotEmpty();
            }
            Class.forName("io.atlas.aws.s3.S3ObjectStore", true, alone).getDeclaredMethods();
        } catch (ClassNotFoundException e) {
            throw new AssertionError("Cannot load a handler from the Lambda jar alone: " + e.getMessage(), e);
        }
    }
}
