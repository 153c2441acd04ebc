package io.atlas.app.wiring;

import io.atlas.ports.notify.Notifier;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link LakeProvider}s on the class path, and the one-line errors when the one needed is missing. */
final class LakeProviders {
    static final String AWS_ARTIFACT = "io.atlas:atlas-aws-wiring";

    private LakeProviders() {}

    /** The provider of the location's scheme; fails naming the artifact to add when none is on the class path. */
    static LakeProvider forLocation(String location) {
        String scheme = location.substring(0, location.indexOf("://"));
        for (LakeProvider provider : ServiceLoader.load(LakeProvider.class, LakeProviders.class.getClassLoader())) {
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

    /** The notifier publishing to the topic; fails naming the artifact to add when no provider has one. */
    static Notifier notifier(String topicArn) {
        for (LakeProvider provider : ServiceLoader.load(LakeProvider.class, LakeProviders.class.getClassLoader())) {
            Optional<Notifier> notifier = provider.notifier(topicArn);
            if (notifier.isPresent()) {
                return notifier.get();
            }
        }
        throw new IllegalArgumentException("Cannot notify SNS topic " + topicArn + ": SNS needs " + AWS_ARTIFACT
                + " on the class path");
    }
}
