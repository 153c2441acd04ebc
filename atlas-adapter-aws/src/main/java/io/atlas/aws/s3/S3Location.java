package io.atlas.aws.s3;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/** A lake on S3: {@code s3://bucket/prefix}; keys of the lake live below {@code prefix/}. */
public record S3Location(String bucket, String prefix) {
    public S3Location {
        requireNonNull(bucket, "bucket is null");
        requireNonNull(prefix, "prefix is null");
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("Invalid S3 location: no bucket");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (prefix.startsWith("/")) {
            throw new IllegalArgumentException("Invalid S3 prefix '" + prefix + "': must not start with '/'");
        }
    }

    /** Parses {@code s3://bucket}, {@code s3://bucket/prefix} or {@code s3a://...}. */
    public static S3Location parse(String uri) {
        URI parsed = URI.create(uri);
        if (!"s3".equals(parsed.getScheme()) && !"s3a".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("Invalid S3 location '" + uri + "': expected s3://bucket/prefix");
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("Invalid S3 location '" + uri + "': no bucket");
        }
        String path = parsed.getPath() == null ? "" : parsed.getPath();
        return new S3Location(parsed.getHost(), path.startsWith("/") ? path.substring(1) : path);
    }

    /** The S3 key of a lake key. */
    public String s3Key(String lakeKey) {
        return prefix + lakeKey;
    }

    /** The lake key of an S3 key below the prefix, or null when it is not below it. */
    public String lakeKey(String s3Key) {
        return s3Key.startsWith(prefix) && s3Key.length() > prefix.length() ? s3Key.substring(prefix.length()) : null;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + prefix;
    }
}
