package io.atlas.spark;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The lake's root as Spark and Hadoop address it: {@code file:///abs/dir/} or {@code s3://bucket/prefix/} (or
 * {@code s3a://}). Resolves keys (which may hold spaces, {@code =}, {@code %} or {@code :}) to correctly escaped
 * Hadoop paths.
 */
public record LakeLocation(String scheme, String authority, String rootPath) implements Serializable {
    public LakeLocation {
        requireNonNull(scheme, "scheme is null");
        requireNonNull(rootPath, "rootPath is null");
        if (!rootPath.startsWith("/") || !rootPath.endsWith("/")) {
            throw new IllegalArgumentException("Invalid lake root path '" + rootPath + "': must start and end with '/'");
        }
    }

    public static LakeLocation of(Path localDirectory) {
        String path = localDirectory.toAbsolutePath().normalize().toString();
        return new LakeLocation("file", null, path.endsWith("/") ? path : path + "/");
    }

    /** Parses {@code s3://bucket/prefix}, {@code s3a://...} or {@code file:///dir}. */
    public static LakeLocation parse(String uri) {
        URI parsed = URI.create(uri);
        if (parsed.getScheme() == null) {
            return of(Path.of(uri));
        }
        String path = parsed.getPath() == null || parsed.getPath().isEmpty() ? "/" : parsed.getPath();
        return new LakeLocation(parsed.getScheme(), parsed.getAuthority(), path.endsWith("/") ? path : path + "/");
    }

    /** The Hadoop path of a key below the root. */
    public org.apache.hadoop.fs.Path resolve(String key) {
        try {
            return new org.apache.hadoop.fs.Path(new URI(scheme, authority, rootPath + key, null, null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot address key '" + key + "' in " + this + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return scheme + "://" + (authority == null ? "" : authority) + rootPath;
    }
}
