package io.atlas.app.wiring.aws;

import io.atlas.app.AtlasSettings;
import io.atlas.app.wiring.LakeProvider;
import io.atlas.aws.lock.S3CatalogLocks;
import io.atlas.aws.lock.S3RunLocks;
import io.atlas.aws.s3.S3Clients;
import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.aws.sns.SnsNotifier;
import io.atlas.ports.lock.CatalogLocks;
import io.atlas.ports.lock.RunLocks;
import io.atlas.ports.notify.Notifier;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.query.QueryEngine;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Lakes in S3 ({@code s3://} and {@code s3a://}) with leased conditional-put locks, and SNS run summaries. */
public final class S3LakeProvider implements LakeProvider {
    /** How long a catalog lock waits for a table another process is changing. */
    private static final Duration CATALOG_LOCK_WAIT = Duration.ofMinutes(2);

    @Override
    public Set<String> schemes() {
        return Set.of("s3", "s3a");
    }

    @Override
    public ObjectStore open(String location, AtlasSettings.S3Settings s3) {
        S3Clients.Settings client = new S3Clients.Settings(s3.endpoint().map(URI::create), s3.pathStyleAccess(), s3.region());
        return new S3ObjectStore(S3Clients.create(client), S3Location.parse(location));
    }

    @Override
    public RunLocks runLocks(ObjectStore lake, Clock clock, Duration lease) {
        return new S3RunLocks(lake, clock, lease);
    }

    @Override
    public CatalogLocks catalogLocks(ObjectStore lake, Clock clock, Duration lease) {
        return new S3CatalogLocks(lake, clock, lease, CATALOG_LOCK_WAIT);
    }

    @Override
    public Optional<QueryEngine> athena(AtlasSettings settings) {
        return Optional.of(AthenaQueries.create(settings));
    }

    @Override
    public Optional<Notifier> notifier(String topicArn) {
        return Optional.of(new SnsNotifier(SnsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build(),
                topicArn));
    }
}
