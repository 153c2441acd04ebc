package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.aws.S3TestSupport;
import io.atlas.domain.testing.OriginSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The whole local-engine pipeline through the CLI on an s3:// lake (S3Mock): the same lake as on a directory. */
class S3LakeEndToEndTest {
    @RegisterExtension
    static final com.adobe.testing.s3mock.junit5.S3MockExtension S3_MOCK = S3TestSupport.S3_MOCK;

    @TempDir
    static Path work;

    static S3Client s3;
    static String lake;
    static Path config;

    @BeforeAll
    static void lakeInABucket() throws IOException {
        System.setProperty("aws.accessKeyId", "foo");
        System.setProperty("aws.secretAccessKey", "bar");
        s3 = S3TestSupport.client();
        lake = "s3://" + S3TestSupport.bucket(s3) + "/teams/web";
        config = work.resolve("s3.properties");
        Files.writeString(config, "atlas.s3.endpoint=" + S3_MOCK.getServiceEndpoint() + "\natlas.s3.path-style-access=true\n"
                + "atlas.s3.region=us-east-1\n");
    }

    private static Cli.Result atlas(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--lake", lake, "--config", config.toString()));
        all.addAll(List.of(args));
        return Cli.runRaw(all.toArray(String[]::new));
    }

    private static void dropOriginDayInS3(String date) throws IOException {
        String bucket = lake.substring(5, lake.indexOf('/', 5));
        for (String[] file : new String[][] {{"ndjson", "access_logs_" + date + ".ndjson"},
                {"json_gzip", "api_logs_" + date + ".json.gz"}, {"xml_errors", "errors_" + date + ".xml"}}) {
            s3.putObject(b -> b.bucket(bucket).key("teams/web/raw/" + file[0] + "/" + file[1]),
                    RequestBody.fromBytes(Files.readAllBytes(OriginSamples.file(date, file[1]))));
        }
    }

    @Test
    void statusOnS3ListsRawFilesOlderThanTheThresholdThatIngestionNeverTook() throws InterruptedException {
        String bucket = lake.substring(5, lake.indexOf('/', 5));
        s3.putObject(b -> b.bucket(bucket).key("teams/web/raw/ndjson/stuck-in-raw.ndjson"), RequestBody.fromString("{}\n"));

        Cli.Result fresh = atlas("status");
        assertThat(fresh.exitCode()).as(fresh.err()).isZero();
        assertThat(fresh.out()).as("younger than an hour").doesNotContain("stuck-in-raw");

        Thread.sleep(2_100); // S3 keeps LastModified to the second; the server sets it, so the test cannot backdate it
        Cli.Result stuck = atlas("status", "--stuck-after", "PT1S");
        assertThat(stuck.exitCode()).as(stuck.err()).isZero();
        assertThat(stuck.out()).contains("file(s) in raw/ older than PT1S, not ingested:").contains("raw/ndjson/stuck-in-raw.ndjson");
        s3.deleteObject(b -> b.bucket(bucket).key("teams/web/raw/ndjson/stuck-in-raw.ndjson"));
    }

    @Test
    void theOriginSamplesGiveTheSameLakeOnS3AsOnADirectory() throws IOException {
        dropOriginDayInS3("2024-11-29");
        dropOriginDayInS3("2024-11-30");
        Path local = work.resolve("local-lake");
        Lakes.dropOriginDay(local, "2024-11-29");
        Lakes.dropOriginDay(local, "2024-11-30");

        Cli.Result ingest = atlas("ingest");
        assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isZero();
        assertThat(ingest.out()).contains("6 routed to 2 days, 0 rejected");
        assertThat(atlas("backfill", "--from", "2024-11-29", "--to", "2024-11-30").exitCode()).isZero();
        assertThat(Cli.run(local, "ingest").exitCode()).isZero();
        assertThat(Cli.run(local, "backfill", "--from", "2024-11-29", "--to", "2024-11-30").exitCode()).isZero();

        Cli.Result query = atlas("query", "--format", "csv", "SELECT date, total_requests, error_count, "
                + "CAST(error_count AS DOUBLE) / total_requests AS error_rate FROM log_analytics_db.daily_activity ORDER BY date");
        assertThat(query.outLines()).containsExactly("date,total_requests,error_count,error_rate",
                "2024-11-29,1500,200,0.13333333333333333", "2024-11-30,1850,260,0.14054054054054055");
        assertThat(atlas("validate", "--date", "2024-11-29").exitCode()).isZero();
        Properties properties = new Properties();
        properties.load(Files.newBufferedReader(config));
        assertThat(LakeSnapshot.of(lake, properties)).isEqualTo(LakeSnapshot.of(local));
        String bucket = lake.substring(5, lake.indexOf('/', 5));
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket).prefix("teams/web/processed/logs/log_type=access/year=2024/month=11/day=29/"))
                .contents()).extracting(o -> o.key().substring(o.key().lastIndexOf('/') + 1))
                .anyMatch(name -> name.startsWith("part-")).contains("_atlas_commit.json");
    }
}
