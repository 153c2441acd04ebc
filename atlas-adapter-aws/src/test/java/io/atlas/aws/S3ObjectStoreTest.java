package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.contract.ObjectStoreContract;
import io.atlas.ports.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 object store passes the object-store contract against a real S3-compatible server (S3Mock, in-process). */
class S3ObjectStoreTest extends ObjectStoreContract {
    @RegisterExtension
    static final com.adobe.testing.s3mock.junit5.S3MockExtension S3_MOCK = S3TestSupport.S3_MOCK;

    private static S3Client s3;
    private S3ObjectStore s3Store;

    @Override
    protected ObjectStore createStore() {
        if (s3 == null) {
            s3 = S3TestSupport.client();
        }
        s3Store = new S3ObjectStore(s3, new S3Location(S3TestSupport.bucket(s3), "lakes/my lake"));
        return s3Store;
    }

    @Test
    void keysLiveBelowThePrefix() {
        store.write(ObjectKey.of("raw/ndjson/a=b c.ndjson"), "x".getBytes(StandardCharsets.UTF_8));

        assertThat(s3.listObjectsV2(b -> b.bucket(s3Store.location().bucket())).contents())
                .extracting(o -> o.key()).containsExactly("lakes/my lake/raw/ndjson/a=b c.ndjson");
    }

    @Test
    void createIfAbsentLetsOneWriterWin() {
        ObjectKey lock = ObjectKey.of("_atlas/locks/2024-11-29");

        assertThat(s3Store.createIfAbsent(lock, "a".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(s3Store.createIfAbsent(lock, "b".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(new String(store.readAllBytes(lock), StandardCharsets.UTF_8)).isEqualTo("a");
    }

    @Test
    void listsMoreThanOnePage() {
        for (int i = 0; i < 1005; i++) {
            store.write(ObjectKey.of(String.format("many/%04d", i)), new byte[] {1});
        }

        assertThat(store.list("many/")).hasSize(1005);
    }
}
