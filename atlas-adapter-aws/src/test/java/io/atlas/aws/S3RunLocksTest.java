package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.aws.lock.S3RunLocks;
import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.contract.RunLocksContract;
import io.atlas.ports.lock.LostLockException;
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

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2024-12-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aLiveHoldersHeartbeatKeepsAShortLeaseSoNoOneTakesItOver() throws Exception {
        RunLocks shortLease = new S3RunLocks(store, Clock.systemUTC(), Duration.ofSeconds(3));

        try (RunLocks.Held held = shortLease.acquire(D29, RunId.of("live"))) {
            Thread.sleep(4_500);

            assertThatThrownBy(() -> shortLease.acquire(D29, RunId.of("rerun")))
                    .isInstanceOf(io.atlas.ports.lock.RunConflictException.class).hasMessageContaining("run live");
            held.ensureHeld();
        }
    }

    @Test
    void aHolderWhoseLeaseRanOutAndWasTakenOverStopsBeforePublishing() {
        MovingClock clock = new MovingClock();
        RunLocks locks = new S3RunLocks(store, clock, Duration.ofSeconds(60));
        RunLocks.Held stalled = locks.acquire(D29, RunId.of("stalled"));
        clock.now = clock.now.plusSeconds(61);

        try (RunLocks.Held next = locks.acquire(D29, RunId.of("rerun"))) {
            assertThatThrownBy(stalled::ensureHeld).isInstanceOf(LostLockException.class)
                    .hasMessageStartingWith("Cannot go on with 2024-11-29: this run lost its lock");
            stalled.close();
            assertThat(new String(store.readAllBytes(ObjectKey.of("_atlas/locks/2024-11-29.lock")), StandardCharsets.UTF_8))
                    .as("the stalled holder's close leaves the new holder's lock").startsWith("rerun\n");
            next.ensureHeld();
        }
    }

    @Test
    void theLeaseWrittenIsTheConfiguredOne() {
        MovingClock clock = new MovingClock();
        try (RunLocks.Held held = new S3RunLocks(store, clock, Duration.ofSeconds(60)).acquire(D29, RunId.of("r"))) {
            assertThat(new String(store.readAllBytes(ObjectKey.of("_atlas/locks/2024-11-29.lock")), StandardCharsets.UTF_8))
                    .isEqualTo("r\n2024-12-01T00:01:00Z");
        }
    }
}
