package io.atlas.aws;

import io.atlas.aws.testing.MotoServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 object store against moto's S3, a second S3 implementation beside S3Mock (its own listing, multipart and
 * conditional-write code), so the adapter holds to the API rather than to one server.
 */
class S3ObjectStoreOnMotoTest extends S3ObjectStoreContract {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.shared();
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    @Override
    protected S3Client client() {
        return MOTO.s3();
    }

    @Override
    protected String newBucket(S3Client s3) {
        String bucket = "moto-lake-" + BUCKETS.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }
}
