package io.atlas.app.wiring;

import io.atlas.app.AtlasSettings;
import io.atlas.local.ledger.LakeRunLedger;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.storage.ObjectStore;
import java.net.URI;
import java.nio.file.Path;

/**
 * Opens the object store a lake location names, by scheme (as Trino's file system module does): a directory or
 * {@code file://} is the local filesystem; any other scheme ({@code s3://}, {@code s3a://}) is opened by the
 * {@link LakeProvider} of that scheme on the class path (io.atlas:atlas-aws-wiring for S3).
 */
public final class LakeStores {
    private LakeStores() {}

    public static ObjectStore open(String location, AtlasSettings.S3Settings s3) {
        int scheme = location.indexOf("://");
        if (scheme < 0) {
            return new FileSystemObjectStore(Path.of(location));
        }
        if (location.startsWith("file://")) {
            return new FileSystemObjectStore(Path.of(URI.create(location)));
        }
        return LakeProviders.forLocation(location).open(location, s3);
    }

    public static ObjectStore open(String location) {
        return open(location, AtlasSettings.S3Settings.DEFAULTS);
    }

    /** The run ledger kept in the lake. */
    public static RunLedger ledger(ObjectStore store) {
        return new LakeRunLedger(store);
    }
}
