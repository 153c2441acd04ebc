package io.atlas.app.wiring;

import io.atlas.app.AtlasSettings;
import io.atlas.ports.lock.CatalogLocks;
import io.atlas.ports.lock.RunLocks;
import io.atlas.ports.notify.Notifier;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.query.QueryEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Lakes of a URI scheme atlas-core does not open itself, found with {@link java.util.ServiceLoader}: core opens
 * directories and {@code file://} only, so it carries no AWS SDK. {@code io.atlas:atlas-aws-wiring} provides
 * {@code s3://} and {@code s3a://} (with S3 run and catalog locks) and the SNS notifier.
 */
public interface LakeProvider {
    /** The schemes this provider opens, such as {@code s3} (without {@code ://}). */
    Set<String> schemes();

    /** The object store of a lake location of one of {@link #schemes()}. */
    ObjectStore open(String location, AtlasSettings.S3Settings s3);

    /** Locks per date on a lake this provider opened. */
    RunLocks runLocks(ObjectStore lake, Clock clock, Duration lease);

    /** Locks on the catalog tables of a lake this provider opened. */
    CatalogLocks catalogLocks(ObjectStore lake, Clock clock, Duration lease);

    /** The Athena query engine for {@code atlas.query.engine=athena}, when this provider has one. */
    default Optional<QueryEngine> athena(AtlasSettings settings) {
        return Optional.empty();
    }

    /** A notifier for {@code atlas.notify.sns-topic-arn}, when this provider has one. */
    default Optional<Notifier> notifier(String topicArn) {
        return Optional.empty();
    }
}
