package io.atlas.aws;

import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.ports.contract.ConditionalWritesContract;
import io.atlas.ports.storage.ObjectStore;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** S3's conditional PUTs (If-None-Match, If-Match on the ETag) pass the conditional-writes contract on S3Mock. */
class S3ConditionalWritesTest extends ConditionalWritesContract {
    @RegisterExtension
    static final com.adobe.testing.s3mock.junit5.S3MockExtension S3_MOCK = S3TestSupport.S3_MOCK;

    private static S3Client s3;
    private static int lakes;

    /** Found here: S3Mock 5.2 lets several of eight concurrent If-Match PUTs on one ETag succeed; S3 does not. */
    @Override
    protected boolean serverIsAtomicUnderConcurrency() {
        return false;
    }

    @Override
    protected ObjectStore createStore() {
        if (s3 == null) {
            s3 = S3TestSupport.client();
        }
        return new S3ObjectStore(s3, new S3Location(S3TestSupport.bucket(s3), "cas-" + lakes++));
    }
}
