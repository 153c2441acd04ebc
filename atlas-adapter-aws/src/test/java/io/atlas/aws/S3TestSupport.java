package io.atlas.aws;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** One in-process S3Mock server for the module's tests, and clients for it. */
public final class S3TestSupport {
    public static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private S3TestSupport() {}

    public static S3Client client() {
        return S3Client.builder()
                .endpointOverride(URI.create(S3_MOCK.getServiceEndpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("foo", "bar")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** A new empty bucket. */
    public static String bucket(S3Client s3) {
        String name = "lake-" + BUCKETS.incrementAndGet();
        s3.createBucket(b -> b.bucket(name));
        return name;
    }
}
