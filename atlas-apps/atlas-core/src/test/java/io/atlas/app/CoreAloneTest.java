package io.atlas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.app.service.IngestReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * atlas-core on its own runtime class path (this module's tests see nothing else): a local lake runs end to end
 * without the AWS SDK, DuckDB, picocli or an SLF4J binding, and what needs a missing artifact says which one to add.
 */
class CoreAloneTest {
    @TempDir
    Path lake;

    @Test
    void theClassPathHasNoAwsSdkNoDuckDbNoPicocliAndNoSlf4jBinding() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(loader.getResource("software/amazon/awssdk/core/SdkClient.class")).isNull();
        assertThat(loader.getResource("org/duckdb/DuckDBDriver.class")).isNull();
        assertThat(loader.getResource("picocli/CommandLine.class")).isNull();
        assertThat(loader.getResource("com/amazonaws/services/lambda/runtime/Context.class")).isNull();
        assertThat(loader.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider")).isNull();
        assertThat(loader.getResource("org/slf4j/impl/StaticLoggerBinder.class")).isNull();
    }

    @Test
    void aLocalLakeIngestsAndRunsWithCoreAlone() throws Exception {
        Path raw = lake.resolve("raw/ndjson/a.ndjson");
        Files.createDirectories(raw.getParent());
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lines.append("{\"timestamp\": \"2024-11-29T10:00:0").append(i).append("Z\", \"ip\": \"10.0.0.").append(i)
                    .append("\", \"user_agent\": \"Chrome/120.0\", \"request_type\": \"GET\", \"status\": 200, ")
                    .append("\"endpoint\": \"/home\"}\n");
        }
        Files.writeString(raw, lines, StandardCharsets.UTF_8);

        try (Atlas atlas = Atlas.builder().lake(lake).threads(1).build()) {
            IngestReport ingested = atlas.ingest();
            assertThat(ingested.days()).containsExactly(LocalDate.parse("2024-11-29"));
            assertThat(atlas.run(LocalDate.parse("2024-11-29")).state()).hasToString("SUCCEEDED");
            assertThat(atlas.validate(LocalDate.parse("2024-11-29")).breaches()).isEmpty();

            assertThatThrownBy(() -> atlas.query("SELECT 1"))
                    .hasMessage("Cannot run a query: DuckDB is not on the class path (add io.atlas:atlas-query)");
        }
    }

    @Test
    void anS3LakeNamesTheArtifactItNeeds() {
        assertThatThrownBy(() -> Atlas.builder().lake("s3://bucket/lake").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot open lake s3://bucket/lake: S3 lakes need io.atlas:atlas-aws-wiring on the class path");
    }

    @Test
    void anSnsTopicNamesTheArtifactItNeeds() {
        Properties properties = new Properties();
        properties.setProperty("atlas.notify.sns-topic-arn", "arn:aws:sns:eu-west-1:123456789012:atlas");
        try (Atlas atlas = Atlas.builder().lake(lake).properties(properties).build()) {
            assertThatThrownBy(() -> atlas.run(LocalDate.parse("2024-11-29")))
                    .hasMessageContaining("SNS needs io.atlas:atlas-aws-wiring on the class path");
        }
    }
}
