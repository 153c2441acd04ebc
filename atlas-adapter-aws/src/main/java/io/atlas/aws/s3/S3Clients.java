package io.atlas.aws.s3;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds S3 clients: the SDK's default credentials chain and region, the standard retry policy, one small HTTP client. */
public final class S3Clients {
    /** Where the S3 API is: AWS itself (no endpoint) or an S3-compatible server. */
    public record Settings(Optional<URI> endpoint, boolean pathStyleAccess, Optional<String> region) {}

    private S3Clients() {}

    public static S3Client create(Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
                .forcePathStyle(settings.pathStyleAccess());
        settings.endpoint().ifPresent(builder::endpointOverride);
        settings.region().map(Region::of).ifPresent(builder::region);
        if (settings.region().isEmpty() && settings.endpoint().isPresent()) {
            builder.region(Region.US_EAST_1); // S3-compatible servers ignore the region but the SDK needs one
        }
        return builder.build();
    }
}
