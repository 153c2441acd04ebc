package io.atlas.app.wiring;

import io.atlas.ports.notify.Notifier;
import io.atlas.app.AtlasSettings;
import io.atlas.ports.query.QueryEngine;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link LakeProvider}s on the class path, and the one-line errors when the one needed is missing. */
final class LakeProviders {
    static final String AWS_ARTIFACT = "io.atlas:atlas-aws-wiring";

    private LakeProviders() {}

    /** The provider of the location's scheme; fails naming the artifact to add when none is on the class path. */
    static LakeProvider forLocation(String location) {
        String scheme = location.substring(0, location.indexOf("://"));
        for (LakeProvider provider : providers()) {
            if (provider.schemes().contains(scheme)) {
                return provider;
            }
        }
        if (scheme.equals("s3") || scheme.equals("s3a")) {
            throw new IllegalArgumentException("Cannot open lake " + location + ": S3 lakes need " + AWS_ARTIFACT
                    + " on the class path");
        }
        throw new IllegalArgumentException("Cannot open lake " + location
                + ": unsupported scheme (use a directory or s3://bucket/prefix)");
    }

    /** The Athena query engine of {@code atlas.query.engine=athena}; fails naming the artifact when none has one. */
    static QueryEngine athena(AtlasSettings settings) {
        return first(provider -> provider.athena(settings)).orElseThrow(() -> new IllegalArgumentException(
                "Cannot query through Athena: atlas.query.engine=athena needs " + AWS_ARTIFACT + " on the class path"));
    }

    /**
     * Leased run and catalog locks for a store an embedder gave that has conditional writes, from the first provider
     * on the class path (io.atlas:atlas-aws-wiring's work on any store with conditional writes); none without one.
     */
    static Optional<LakeProvider> leasedLocks() {
        return providers().stream().findFirst();
    }

    private static java.util.List<LakeProvider> providers() {
        java.util.List<LakeProvider> all = new java.util.ArrayList<>();
        ServiceLoader.load(LakeProvider.class, LakeProviders.class.getClassLoader()).forEach(all::add);
        return all;
    }

    /** The notifier publishing to the topic; fails naming the artifact to add when no provider has one. */
    static Notifier notifier(String topicArn) {
        return first(provider -> provider.notifier(topicArn)).orElseThrow(() -> new IllegalArgumentException(
                "Cannot notify SNS topic " + topicArn + ": SNS needs " + AWS_ARTIFACT + " on the class path"));
    }

    /** What the first provider on the class path that has one offers. */
    private static <T> Optional<T> first(java.util.function.Function<LakeProvider, Optional<T>> offer) {
        return providers().stream().map(offer).flatMap(Optional::stream).findFirst();
    }
}
