package io.atlas.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.contract.ObjectStoreContract;
import io.atlas.ports.storage.ObjectStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The object-store contract plus what only the S3 store shows (prefix, paged listings, batch deletes), run
 * against each S3 server the tests have: S3Mock and moto.
 */
abstract class S3ObjectStoreContract extends ObjectStoreContract {
    protected S3Client s3;
    protected S3ObjectStore s3Store;

    /** A client of the server under test. */
    protected abstract S3Client client();

    /** A new empty bucket on that server. */
    protected abstract String newBucket(S3Client s3);

    @Override
    protected final ObjectStore createStore() {
        if (s3 == null) {
            s3 = client();
        }
        s3Store = new S3ObjectStore(s3, new S3Location(newBucket(s3), "lakes/my lake"));
        return s3Store;
    }

    @Test
    void keysLiveBelowThePrefix() {
        store.write(ObjectKey.of("raw/ndjson/a=b c.ndjson"), "x".getBytes(StandardCharsets.UTF_8));

        assertThat(s3.listObjectsV2(b -> b.bucket(s3Store.location().bucket())).contents())
                .extracting(o -> o.key()).containsExactly("lakes/my lake/raw/ndjson/a=b c.ndjson");
    }

    @Test
    void listsMoreThanOnePage() {
        for (int i = 0; i < 1005; i++) {
            store.write(ObjectKey.of(String.format("many/%04d", i)), new byte[] {1});
        }

        assertThat(store.list("many/")).hasSize(1005);
    }

    @Test
    void deleteAllClearsMoreThanOneDeleteObjectsBatch() {
        java.util.List<ObjectKey> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 1005; i++) {
            ObjectKey key = ObjectKey.of(String.format("_atlas/pending/2024-11-29/%04d", i));
            store.write(key, new byte[] {1});
            keys.add(key);
        }
        store.write(ObjectKey.of("_atlas/pending/2024-11-30/other"), new byte[] {1});

        store.deleteAll(keys);

        assertThat(store.list("_atlas/pending/")).extracting(o -> o.key().value()).containsExactly("_atlas/pending/2024-11-30/other");
    }
}
