package io.atlas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Glue jar holds Atlas and its small dependencies, and none of what Glue provides. */
class GlueJarIT {

    @Test
    void theGlueJarHasTheJobsAndNeitherSparkHadoopScalaNorJackson() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("../atlas-glue/target"))) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-glue.jar")).findFirst().orElseThrow();
        }
        List<String> entries;
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(e -> e.getName()).toList();
        }

        assertThat(entries).contains("io/atlas/app/glue/NormalizeJob.class", "io/atlas/app/glue/AggregateJob.class",
                "io/atlas/spark/SparkEngine.class", "io/atlas/domain/normalize/FileNormalizer.class");
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/spark/") || e.startsWith("scala/")
                || e.startsWith("org/apache/hadoop/") || e.startsWith("com/fasterxml/jackson/")
                || e.startsWith("org/duckdb/") || e.startsWith("org/apache/parquet/") || e.startsWith("org/apache/avro/"));
        assertThat(Files.size(jar)).isLessThan(40L * 1024 * 1024);
    }
}
