package io.atlas.app.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atlas.app.aws.StackResolver;
import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.aws.testing.MotoServer;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The ingestion handler with credentials limited to the ingestion role's lake policy, on a moto server that enforces
 * IAM ({@code INITIAL_NO_AUTH_ACTION_COUNT}: the first {@value #SETUP_CALLS} requests, this class's setup, pass
 * unchecked; every later one is evaluated against the caller's policies, actions and resources): what ingestion does
 * on its prefixes is allowed, writes and deletes elsewhere are denied. moto 5.2.1 in this mode rejects the signature
 * of any request whose key holds {@code =} (SignatureDoesNotMatch, with boto3 as with the Java SDK), and every
 * validated/ key has {@code year=...}: so the whole handler cannot run here, and the keys below avoid {@code =}.
 */
class IngestionAccessOnMotoTest {
    private static final int SETUP_CALLS = 5;
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.dedicated(Map.of("INITIAL_NO_AUTH_ACTION_COUNT", Integer.toString(SETUP_CALLS)));
    private static final String BUCKET = "my-log-lake";
    private static S3ObjectStore limited;

    @BeforeAll
    static void ingestionCredentials() throws Exception {
        JsonNode template = new ObjectMapper().readTree(Path.of("../atlas-lambda/src/main/aws/atlas-stack.json").toFile());
        StackResolver resolver = new StackResolver(template, "atlas", Map.of("LakeBucketName", BUCKET), Map.of(),
                MOTO.client(LambdaClient.builder()), MOTO.client(IamClient.builder()));
        String policy = resolver.resolve(template.at("/Resources/IngestionRole/Properties/Policies/0/PolicyDocument")).toString();
        S3Client admin = MOTO.s3();
        IamClient iam = MOTO.client(IamClient.builder());
        admin.createBucket(b -> b.bucket(BUCKET));                                                      // 1
        admin.putObject(b -> b.bucket(BUCKET).key("raw/ndjson/a.ndjson"), RequestBody.fromString(       // 2
                "{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"1.2.3.4\", \"request_type\": \"GET\", \"status\": 200}\n"));
        iam.createUser(b -> b.userName("ingestion"));                                                  // 3
        iam.putUserPolicy(b -> b.userName("ingestion").policyName("IngestionLake").policyDocument(policy)); // 4
        AccessKey key = iam.createAccessKey(b -> b.userName("ingestion")).accessKey();                 // 5
        S3Client s3 = MOTO.configure(S3Client.builder(), key.accessKeyId(), key.secretAccessKey()).forcePathStyle(true).build();
        limited = new S3ObjectStore(s3, new S3Location(BUCKET, ""));
    }

    @Test
    void theIngestionPolicyAllowsWhatIngestionDoesOnItsPrefixesAndDeniesWritesAndDeletesElsewhere() {
        ObjectKey raw = ObjectKey.of("raw/ndjson/a.ndjson");
        ObjectKey archive = ObjectKey.of("archive/validated/ndjson/a.ndjson_20241130T000509Z_req-1");
        ObjectKey marker = ObjectKey.of("_atlas/pending/2024-11-29/req-1-0123456789abcdef");

        limited.copy(raw, archive);
        limited.write(marker, raw.value().getBytes(StandardCharsets.UTF_8));
        assertThat(limited.delete(raw)).isTrue();
        assertThat(limited.exists(raw)).isFalse();

        assertThatThrownBy(() -> limited.write(ObjectKey.of("processed/logs/part-0.parquet"), new byte[] {1}))
                .isInstanceOf(StorageException.class).hasMessageStartingWith("Cannot write processed/logs/part-0.parquet")
                .hasMessageContaining("403")
                .satisfies(e -> assertThat(((StorageException) e).category()).isEqualTo(ErrorCategory.USER_ERROR));
        assertThatThrownBy(() -> limited.delete(ObjectKey.of("_atlas/runs/r.json")))
                .isInstanceOf(StorageException.class).hasMessageContaining("_atlas/runs/r.json").hasMessageContaining("403");
        assertThatThrownBy(() -> limited.readAllBytes(ObjectKey.of("_atlas/plans/exec-1/2024-11-29")))
                .isInstanceOf(StorageException.class).hasMessageContaining("403");
        assertThatThrownBy(() -> limited.exists(archive)).as("ingestion writes its archive copies but never reads them")
                .isInstanceOf(StorageException.class).hasMessageContaining("403");
    }
}
