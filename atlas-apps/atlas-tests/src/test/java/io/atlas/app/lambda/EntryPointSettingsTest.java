package io.atlas.app.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atlas.app.AtlasSettings;
import io.atlas.app.cli.Cli;
import io.atlas.app.cli.Lakes;
import io.atlas.app.glue.GlueArguments;
import io.atlas.app.glue.NormalizeJob;
import io.atlas.aws.S3TestSupport;
import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.testing.Bytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One setting, three entry points: a lowered {@code atlas.max-decompressed-bytes} given to the CLI (a config file),
 * the ingestion Lambda (its environment) and a Glue job (its arguments) makes each refuse the same over-limit gzip
 * file with {@code DECOMPRESSION_LIMIT}; with the defaults the same file goes through.
 */
class EntryPointSettingsTest {
    @RegisterExtension
    static final com.adobe.testing.s3mock.junit5.S3MockExtension S3_MOCK = S3TestSupport.S3_MOCK;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);
    private static final String LIMIT = "2000";

    /** A gzip'd JSON array of about 8 KB decompressed that compresses far less than 200:1. */
    private static byte[] overLimitFile() {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            array.append(i == 0 ? "" : ",").append("{\"timestamp\": \"2024-11-29T10:").append(String.format("%02d", i % 60))
                    .append(":00Z\", \"ip\": \"10.0.").append(i).append('.').append(i * 7 % 250)
                    .append("\", \"request_type\": \"GET\", \"status\": ").append(200 + i).append('}');
        }
        return Bytes.gzip(array.append(']').toString());
    }

    @Test
    void theCliRejectsTheFileWithTheConfiguredLimit(@TempDir Path dir) throws IOException {
        Path limited = dir.resolve("limited");
        Lakes.drop(limited, "raw/json_gzip/api.json.gz", overLimitFile());
        Path config = dir.resolve("atlas.properties");
        Files.writeString(config, "atlas.max-decompressed-bytes=" + LIMIT + "\n");

        Cli.run(limited, "--config", config.toString(), "ingest");

        assertThat(sidecarReasons(limited)).containsExactly("DECOMPRESSION_LIMIT");

        Path defaults = dir.resolve("defaults");
        Lakes.drop(defaults, "raw/json_gzip/api.json.gz", overLimitFile());
        assertThat(Cli.run(defaults, "ingest").exitCode()).isZero();
        assertThat(sidecarReasons(defaults)).isEmpty();
    }

    @Test
    void theLambdaRejectsTheFileWithTheLimitFromItsEnvironment() throws IOException {
        S3Client s3 = S3TestSupport.client();
        String bucket = S3TestSupport.bucket(s3);
        LambdaEnvironment environment = LambdaEnvironment.from(Map.of("ATLAS_LAKE", "s3://" + bucket + "/lake/",
                "ATLAS_MAX_DECOMPRESSED_BYTES", LIMIT));
        assertThat(environment.settings().normalization().limits().maxDecompressedBytes()).isEqualTo(2000);
        S3ObjectStore store = new S3ObjectStore(s3, S3Location.parse(environment.lake()));
        IngestionHandler handler = new IngestionHandler(S3Location.parse(environment.lake()), store,
                environment.settings().normalization().limits(), Clock.fixed(Instant.parse("2024-11-30T00:05:09Z"), ZoneOffset.UTC));

        byte[] file = overLimitFile();
        s3.putObject(b -> b.bucket(bucket).key("lake/raw/json_gzip/api.json.gz"), RequestBody.fromBytes(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(S3Events.objectCreated(bucket, "lake/raw/json_gzip/api.json.gz",
                file.length).getBytes(StandardCharsets.UTF_8)), out, new TestContext("req-1"));

        JsonNode result = JSON.readTree(out.toByteArray()).get("files").get(0);
        assertThat(result.get("outcome").asText()).isEqualTo("rejected");
        assertThat(result.get("reason_code").asText()).isEqualTo("DECOMPRESSION_LIMIT");
    }

    @Test
    void theLambdaEnvironmentCarriesEverySettingUnderItsDocumentedName() {
        LambdaEnvironment environment = LambdaEnvironment.from(Map.of("ATLAS_LAKE", "s3://b/lake/",
                "ATLAS_MAX_RECORD_BYTES", "4096", "ATLAS_DEFAULT_APP_NAME_NDJSON", "shop", "ATLAS_LOOKBACK_DAYS", "9",
                "ATLAS_S3_PATH_STYLE_ACCESS", "true", "AWS_REGION", "eu-west-1"));

        AtlasSettings settings = environment.settings();
        assertThat(settings.normalization().limits().maxRecordBytes()).isEqualTo(4096);
        assertThat(settings.normalization().appNames().ndjson()).isEqualTo("shop");
        assertThat(settings.lookbackDays()).isEqualTo(9);
        assertThat(settings.s3().pathStyleAccess()).isTrue();
        assertThat(settings.s3().region()).contains("eu-west-1");
    }

    @Test
    void theGlueJobRefusesTheFileWithTheLimitFromItsArguments(@TempDir Path lake) throws IOException {
        Path validated = lake.resolve(LakeLayout.validatedKey(LogFormat.JSON_GZIP, DAY, "api.json.gz").value());
        Files.createDirectories(validated.getParent());
        Files.write(validated, overLimitFile());
        String[] args = {"--JOB_NAME", "atlas-normalize", "--process_date", DAY.toString(), "--lake", lake.toString(),
            "--atlas.max-decompressed-bytes", LIMIT};
        assertThat(GlueArguments.parse(args).settings().normalization().limits().maxDecompressedBytes()).isEqualTo(2000);

        String previous = System.setProperty("spark.master", "local[1]");
        try {
            assertThatThrownBy(() -> NormalizeJob.main(args)).hasMessageContaining("DECOMPRESSION_LIMIT");
            try (Stream<Path> files = Files.walk(lake)) {
                List<Path> all = files.filter(Files::isRegularFile).toList();
                List<Path> records = all.stream().filter(f -> f.startsWith(lake.resolve(LakeLayout.GLUE_FAILURES))).toList();
                assertThat(records).as("failure records among %s", all).hasSize(1);
                assertThat(Files.readString(records.get(0))).contains("DECOMPRESSION_LIMIT").contains("\"job\" : \"normalize\"");
            }
            NormalizeJob.main(new String[] {"--process_date", DAY.toString(), "--lake", lake.toString()});
            assertThat(lake.resolve("processed/logs/log_type=access/year=2024/month=11/day=29/_atlas_commit.json")).exists();
        } finally {
            if (previous == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", previous);
            }
        }
    }

    private static List<String> sidecarReasons(Path lake) throws IOException {
        Path rejected = lake.resolve("rejected/system/lambda");
        if (!Files.exists(rejected)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(rejected)) {
            return files.filter(f -> f.toString().endsWith(".error.json"))
                    .map(f -> {
                        try {
                            return JSON.readTree(f.toFile()).get("reason_code").asText();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
