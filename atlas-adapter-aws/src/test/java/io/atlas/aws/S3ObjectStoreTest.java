package io.atlas.aws;

import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 object store against a real S3-compatible server: S3Mock, in-process. */
class S3ObjectStoreTest extends S3ObjectStoreContract {
    @RegisterExtension
    static final com.adobe.testing.s3mock.junit5.S3MockExtension S3_MOCK = S3TestSupport.S3_MOCK;

    @Override
    protected S3Client client() {
        return S3TestSupport.client();
    }

    @Override
    protected String newBucket(S3Client s3) {
        return S3TestSupport.bucket(s3);
    }
}
