package io.atlas.app.wiring.aws;

import io.atlas.app.AtlasSettings;
import io.atlas.aws.athena.AthenaQueryEngine;
import io.atlas.ports.query.QueryEngine;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.AthenaClientBuilder;

/**
 * {@code atlas.query.engine=athena}: queries go to Athena in the configured workgroup over the Glue Data Catalog's
 * {@code log_analytics_db}, polled every half second for up to 30 minutes (Athena's default DML timeout). Only
 * {@link S3LakeProvider#athena} reaches this class, and only when Athena is configured, so the Lambda jar (which carries
 * no Athena client) never loads it.
 */
final class AthenaQueries {
    static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private AthenaQueries() {}

    static QueryEngine create(AtlasSettings settings) {
        AtlasSettings.QuerySettings query = settings.query();
        AthenaClientBuilder builder = AthenaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        query.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
        settings.s3().region().map(Region::of).ifPresent(builder::region);
        if (settings.s3().region().isEmpty() && query.endpoint().isPresent()) {
            builder.region(Region.US_EAST_1); // an emulator ignores the region but the SDK needs one
        }
        return new AthenaQueryEngine(builder.build(), new AthenaQueryEngine.Settings(AtlasSettings.QuerySettings.DATABASE,
                query.workGroup(), query.outputLocation().orElse(null), POLL_INTERVAL, TIMEOUT),
                duration -> Thread.sleep(duration.toMillis()));
    }
}
