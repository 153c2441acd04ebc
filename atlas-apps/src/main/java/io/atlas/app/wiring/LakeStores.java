package io.atlas.app.wiring;

import io.atlas.local.ledger.LakeRunLedger;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.ledger.RunLedger;
import io.atlas.ports.storage.ObjectStore;
import java.net.URI;
import java.nio.file.Path;

/** Opens the object store a lake location names: a directory (or {@code file://} URI). */
public final class LakeStores {
    private LakeStores() {}

    public static ObjectStore open(String location) {
        if (location.startsWith("file:")) {
            return new FileSystemObjectStore(Path.of(URI.create(location)));
        }
        if (location.contains("://")) {
            throw new IllegalArgumentException("Cannot open lake " + location + ": unsupported scheme");
        }
        return new FileSystemObjectStore(Path.of(location));
    }

    /** The run ledger kept in the lake. */
    public static RunLedger ledger(ObjectStore store) {
        return new LakeRunLedger(store);
    }
}
