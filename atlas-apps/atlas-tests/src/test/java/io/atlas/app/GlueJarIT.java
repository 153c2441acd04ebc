package io.atlas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Glue jar holds Atlas and its small dependencies, and none of what Glue provides, except the AWS SDK v2, which
 * every job loads ahead of Glue's own with {@code --user-jars-first} (docs/aws.md, "Glue 5 jobs and the class path").
 */
class GlueJarIT {
    /**
     * What Glue 5.0 puts on a Spark job's class path that a jar must not carry again (docs/aws.md lists them):
     * Spark 3.5 and Scala 2.12 with their Hadoop, Jackson, Parquet, Avro, Guava, Log4j 2/SLF4J, Netty and Apache
     * Commons and RoaringBitmap, and DuckDB which Atlas only needs on a laptop.
     */
    static final List<String> PROVIDED_BY_GLUE = List.of("org/apache/spark/", "scala/", "org/apache/hadoop/",
            "com/fasterxml/jackson/", "org/apache/parquet/", "shaded/parquet/", "org/apache/avro/", "com/google/common/",
            "org/apache/logging/log4j/", "org/slf4j/", "io/netty/", "org/apache/commons/", "org/apache/http/",
            "org/roaringbitmap/", "org/duckdb/");
    /** The only packages the jar may carry: Atlas, JSpecify, and the AWS SDK v2 with its small dependencies. */
    static final Set<String> BUNDLED = Set.of("io/atlas", "org/jspecify", "com/carrotsearch", "software/amazon/awssdk",
            "software/amazon/eventstream", "org/reactivestreams");
    private static List<String> entries;

    @BeforeAll
    static void openTheJar() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("../atlas-glue/target"))) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-glue.jar")).findFirst().orElseThrow();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(e -> e.getName()).toList();
        }
        assertThat(Files.size(jar)).isLessThan(40L * 1024 * 1024);
    }

    @Test
    void theGlueJarHasTheJobsAndNeitherSparkHadoopScalaNorJackson() {
        assertThat(entries).contains("io/atlas/app/glue/NormalizeJob.class", "io/atlas/app/glue/AggregateJob.class",
                "io/atlas/spark/SparkEngine.class", "io/atlas/domain/normalize/FileNormalizer.class");
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/spark/") || e.startsWith("scala/")
                || e.startsWith("org/apache/hadoop/") || e.startsWith("com/fasterxml/jackson/")
                || e.startsWith("org/duckdb/") || e.startsWith("org/apache/parquet/") || e.startsWith("org/apache/avro/"));
    }

    @Test
    void theGlueJarCarriesNothingGlue5ProvidesButTheAwsSdkWhichEveryJobLoadsFirst() {
        Set<String> roots = new TreeSet<>();
        for (String entry : entries) {
            if (entry.endsWith(".class") && !entry.startsWith("META-INF/") && !entry.equals("module-info.class")) {
                String[] parts = entry.split("/");
                roots.add(parts[0].equals("software") ? parts[0] + "/" + parts[1] + "/" + parts[2] : parts[0] + "/" + parts[1]);
            }
        }
        assertThat(roots).as("class packages in the Glue jar").isSubsetOf(BUNDLED)
                .contains("io/atlas", "software/amazon/awssdk");
        for (String provided : PROVIDED_BY_GLUE) {
            assertThat(entries).as(provided).noneMatch(e -> e.startsWith(provided));
        }

        // the SDK is the one overlap with Glue 5's class path: every job puts the jar first (--user-jars-first true,
        // DeploymentTemplateTest.functionsRunOnJava21AndGlueJobsFollowGlue5), so Atlas's S3, Glue and SNS calls (and the
        // conditional writes of its locks) run on the SDK it was tested with
    }
}
