package io.atlas.app.wiring;

import io.atlas.app.AtlasSettings;
import io.atlas.aws.s3.S3Clients;
import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.local.ledger.LakeRunLedger;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.storage.ObjectStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Opens the object store a lake location names, by scheme (as Trino's file system module does): a directory or
 * {@code file://} is the local filesystem, {@code s3://} and {@code s3a://} are S3.
 */
public final class LakeStores {
    private static final Map<String, BiFunction<String, AtlasSettings.S3Settings, ObjectStore>> BY_SCHEME = Map.of(
            "file", (location, s3) -> new FileSystemObjectStore(Path.of(URI.create(location))),
            "s3", LakeStores::s3,
            "s3a", LakeStores::s3);

    private LakeStores() {}

    public static ObjectStore open(String location, AtlasSettings.S3Settings s3) {
        int scheme = location.indexOf("://");
        if (scheme < 0) {
            return new FileSystemObjectStore(Path.of(location));
        }
        BiFunction<String, AtlasSettings.S3Settings, ObjectStore> factory = BY_SCHEME.get(location.substring(0, scheme));
        if (factory == null) {
            throw new IllegalArgumentException("Cannot open lake " + location + ": unsupported scheme (use a directory or s3://bucket/prefix)");
        }
        return factory.apply(location, s3);
    }

    public static ObjectStore open(String location) {
        return open(location, AtlasSettings.S3Settings.DEFAULTS);
    }

    private static ObjectStore s3(String location, AtlasSettings.S3Settings s3) {
        S3Clients.Settings client = new S3Clients.Settings(s3.endpoint().map(URI::create), s3.pathStyleAccess(), s3.region());
        return new S3ObjectStore(S3Clients.create(client), S3Location.parse(location));
    }

    /** The run ledger kept in the lake. */
    public static RunLedger ledger(ObjectStore store) {
        return new LakeRunLedger(store);
    }
}
