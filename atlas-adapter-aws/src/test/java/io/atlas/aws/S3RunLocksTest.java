package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.aws.lock.S3RunLocks;
import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.contract.RunLocksContract;
import io.atlas.ports.lock.RunLocks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 run locks on S3Mock: conditional creates, leases and takeover of an expired lock. */
class S3RunLocksTest extends RunLocksContract {
    @RegisterExtension
    static final com.adobe.testing.s3mock.junit5.S3MockExtension S3_MOCK = S3TestSupport.S3_MOCK;
    private S3ObjectStore store;

    /**
     * S3 applies each conditional write atomically; S3Mock checks and writes in two steps, so two overlapping requests
     * can both pass {@code If-None-Match}. One pooled connection makes S3Mock see requests one at a time, as S3's
     * atomicity would, while the contenders still interleave freely.
     */
    @Override
    protected RunLocks createLocks() {
        S3Client s3 = S3Client.builder()
                .endpointOverride(java.net.URI.create(S3_MOCK.getServiceEndpoint()))
                .forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("foo", "bar")))
                .httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder().maxConnections(1))
                .build();
        store = new S3ObjectStore(s3, new S3Location(S3TestSupport.bucket(s3), ""));
        return new S3RunLocks(store, Clock.systemUTC(), Duration.ofMinutes(5));
    }

    @Test
    void anExpiredLeaseIsTakenOver() {
        store.write(ObjectKey.of("_atlas/locks/2024-11-29.lock"),
                ("crashed-run\n" + Instant.parse("2024-01-01T00:00:00Z")).getBytes(StandardCharsets.UTF_8));
        RunLocks later = new S3RunLocks(store, Clock.fixed(Instant.parse("2024-12-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(5));

        try (RunLocks.Held held = later.acquire(D29, RunId.of("next"))) {
            assertThat(new String(store.readAllBytes(ObjectKey.of("_atlas/locks/2024-11-29.lock")), StandardCharsets.UTF_8))
                    .startsWith("next\n");
        }
        assertThat(store.exists(ObjectKey.of("_atlas/locks/2024-11-29.lock"))).isFalse();
    }
}
