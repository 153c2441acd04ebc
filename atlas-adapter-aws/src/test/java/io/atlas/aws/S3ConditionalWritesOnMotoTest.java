package io.atlas.aws;

import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.aws.testing.MotoServer;
import io.atlas.ports.contract.ConditionalWritesContract;
import io.atlas.ports.storage.ObjectStore;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** S3's conditional PUTs (If-None-Match, If-Match on the ETag) pass the conditional-writes contract on moto's S3. */
class S3ConditionalWritesOnMotoTest extends ConditionalWritesContract {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.shared();
    private static S3Client s3;
    private static int lakes;

    @Override
    protected ObjectStore createStore() {
        if (s3 == null) {
            s3 = MOTO.s3();
            s3.createBucket(b -> b.bucket("moto-cas"));
        }
        return new S3ObjectStore(s3, new S3Location("moto-cas", "cas-" + lakes++));
    }
}
