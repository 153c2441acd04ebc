package io.atlas.aws.s3;

import static java.util.Objects.requireNonNull;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.lake.Utf8Order;
import io.atlas.ports.ErrorCategory;
import io.atlas.ports.storage.ConditionalWrites;
import io.atlas.ports.storage.NoSuchObjectException;
import io.atlas.ports.storage.ObjectInfo;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.ports.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The lake in an S3 bucket (below an optional prefix), through the AWS SDK v2 with its standard retry policy.
 *
 * <p>Reads stream ({@code GetObject}); writes up to {@link #PART_BYTES} are one {@code PutObject}, larger ones a
 * multipart upload read part by part from the stream (aborted on failure, so the previous object stays); copies are
 * server-side ({@code CopyObject}, multipart {@code UploadPartCopy} above 5 GB). A PUT and a copy replace an object
 * atomically: a reader sees the old or the new version. Listings are paginated and come back in S3's UTF-8 order.
 * {@link #delete} asks {@code HeadObject} first, as S3's delete does not say whether the key existed;
 * {@link #deleteAll} removes many keys with {@code DeleteObjects}, without asking.
 */
public final class S3ObjectStore implements ObjectStore, ConditionalWrites {
    static final int DELETE_BATCH = 1000;
    static final int PART_BYTES = 16 * 1024 * 1024;
    static final long MAX_SINGLE_COPY_BYTES = 5L * 1024 * 1024 * 1024;
    static final long COPY_PART_BYTES = 512L * 1024 * 1024;

    private final S3Client s3;
    private final S3Location location;

    public S3ObjectStore(S3Client s3, S3Location location) {
        this.s3 = requireNonNull(s3, "s3 is null");
        this.location = requireNonNull(location, "location is null");
    }

    public S3Location location() {
        return location;
    }

    private String key(ObjectKey key) {
        return location.s3Key(key.value());
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        List<ObjectInfo> objects = new ArrayList<>();
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(location.bucket())
                    .prefix(location.s3Key(prefix)).build();
            for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
                String lakeKey = location.lakeKey(object.key());
                if (lakeKey != null && ObjectKey.isValid(lakeKey)) {
                    objects.add(new ObjectInfo(ObjectKey.of(lakeKey), object.size(), object.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw failure("list " + prefix, e);
        }
        objects.sort(Comparator.comparing((ObjectInfo o) -> o.key().value(), Utf8Order::compare));
        return objects;
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(location.bucket()).key(key(key)));
            return Optional.of(new ObjectInfo(key, head.contentLength(), head.lastModified()));
        } catch (S3Exception e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw failure("stat " + key, e);
        } catch (SdkException e) {
            throw failure("stat " + key, e);
        }
    }

    @Override
    public InputStream open(ObjectKey key) {
        return get(key, null);
    }

    /** A ranged GET from {@code offset}. */
    @Override
    public InputStream open(ObjectKey key, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset is negative: " + offset);
        }
        return get(key, offset == 0 ? null : "bytes=" + offset + "-");
    }

    /**
     * A GET of the whole object, or of {@code range}; S3 answers 416 for a range that starts past the end, which is
     * no bytes.
     */
    private InputStream get(ObjectKey key, @Nullable String range) {
        try {
            return s3.getObject(b -> b.bucket(location.bucket()).key(key(key)).range(range));
        } catch (S3Exception e) {
            if (isMissing(e)) {
                throw new NoSuchObjectException(key);
            }
            if (range != null && e.statusCode() == 416) {
                return InputStream.nullInputStream();
            }
            throw failure("read " + key, e);
        } catch (SdkException e) {
            throw failure("read " + key, e);
        }
    }

    @Override
    public void write(ObjectKey key, InputStream content) {
        byte[] first;
        try {
            first = content.readNBytes(PART_BYTES);
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot write " + key + ": " + e.getMessage(), e);
        }
        try {
            if (first.length < PART_BYTES) {
                s3.putObject(b -> b.bucket(location.bucket()).key(key(key)), RequestBody.fromBytes(first));
                return;
            }
            multipartUpload(key, first, content);
        } catch (SdkException e) {
            throw failure("write " + key, e);
        }
    }

    private void multipartUpload(ObjectKey key, byte[] first, InputStream content) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(location.bucket()).key(key(key))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] part = first;
            int number = 1;
            while (part.length > 0) {
                int partNumber = number++;
                byte[] body = part;
                String etag = s3.uploadPart(b -> b.bucket(location.bucket()).key(key(key)).uploadId(uploadId)
                        .partNumber(partNumber), RequestBody.fromBytes(body)).eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
                part = content.readNBytes(PART_BYTES);
            }
            s3.completeMultipartUpload(b -> b.bucket(location.bucket()).key(key(key)).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (IOException | RuntimeException e) {
            abort(key, uploadId);
            if (e instanceof SdkException sdk) {
                throw sdk;
            }
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot write " + key + ": " + e.getMessage(), e);
        }
    }

    private void abort(ObjectKey key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(location.bucket()).key(key(key)).uploadId(uploadId));
        } catch (SdkException ignored) {
            // an upload left behind is removed by the bucket's lifecycle rule for incomplete uploads
        }
    }

    @Override
    public void copy(ObjectKey source, ObjectKey target) {
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(location.bucket()).key(key(source)));
            if (head.contentLength() <= MAX_SINGLE_COPY_BYTES) {
                s3.copyObject(b -> b.sourceBucket(location.bucket()).sourceKey(key(source))
                        .destinationBucket(location.bucket()).destinationKey(key(target)));
            } else {
                multipartCopy(source, target, head.contentLength());
            }
        } catch (S3Exception e) {
            if (isMissing(e)) {
                throw new NoSuchObjectException(source);
            }
            throw failure("copy " + source + " to " + target, e);
        } catch (SdkException e) {
            throw failure("copy " + source + " to " + target, e);
        }
    }

    private void multipartCopy(ObjectKey source, ObjectKey target, long size) {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(location.bucket()).key(key(target))).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += COPY_PART_BYTES) {
                long end = Math.min(size, offset + COPY_PART_BYTES) - 1;
                int partNumber = number++;
                String range = "bytes=" + offset + "-" + end;
                String etag = s3.uploadPartCopy(b -> b.sourceBucket(location.bucket()).sourceKey(key(source))
                        .destinationBucket(location.bucket()).destinationKey(key(target)).uploadId(uploadId)
                        .partNumber(partNumber).copySourceRange(range)).copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(location.bucket()).key(key(target)).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (RuntimeException e) {
            abort(target, uploadId);
            throw e;
        }
    }

    @Override
    public boolean delete(ObjectKey key) {
        boolean existed = stat(key).isPresent();
        try {
            s3.deleteObject(b -> b.bucket(location.bucket()).key(key(key)));
        } catch (SdkException e) {
            throw failure("delete " + key, e);
        }
        return existed;
    }

    /**
     * {@code DeleteObjects} in batches of {@value #DELETE_BATCH} keys (quiet mode: S3 answers only the keys it could
     * not delete, and a missing key is not one of them); any key S3 refuses fails the call with its code.
     */
    @Override
    public void deleteAll(List<ObjectKey> keys) {
        for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
            List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
                    .map(k -> ObjectIdentifier.builder().key(key(k)).build()).toList();
            List<S3Error> errors;
            try {
                errors = s3.deleteObjects(b -> b.bucket(location.bucket()).delete(d -> d.objects(batch).quiet(true))).errors();
            } catch (SdkException e) {
                throw failure("delete " + batch.size() + " objects", e);
            }
            if (!errors.isEmpty()) {
                S3Error first = errors.get(0);
                throw new StorageException(first.code() != null && (first.code().equals("SlowDown") || first.code().equals("InternalError"))
                        ? ErrorCategory.TRANSIENT : ErrorCategory.INTERNAL, "Cannot delete " + errors.size() + " of "
                        + batch.size() + " objects: " + first.key() + ": " + first.code() + " " + first.message());
            }
        }
    }

    @Override
    public Optional<ConditionalWrites> conditionalWrites() {
        return Optional.of(this);
    }

    /** {@inheritDoc} With {@code If-None-Match: *}. */
    @Override
    public boolean createIfAbsent(ObjectKey key, byte[] bytes) {
        try {
            s3.putObject(b -> b.bucket(location.bucket()).key(key(key)).ifNoneMatch("*"), RequestBody.fromBytes(bytes));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409) {
                return false;
            }
            throw failure("create " + key, e);
        } catch (SdkException e) {
            throw failure("create " + key, e);
        }
    }

    /** {@inheritDoc} The version is the object's ETag. */
    @Override
    public Optional<Versioned> readVersioned(ObjectKey key) {
        try (var response = s3.getObject(b -> b.bucket(location.bucket()).key(key(key)))) {
            return Optional.of(new Versioned(response.readAllBytes(), response.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException(ErrorCategory.TRANSIENT, "Cannot read " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw failure("read " + key, e);
        }
    }

    /** {@inheritDoc} With {@code If-Match: <etag>}. */
    @Override
    public boolean replaceIfMatch(ObjectKey key, byte[] bytes, String etag) {
        try {
            s3.putObject(b -> b.bucket(location.bucket()).key(key(key)).ifMatch(etag), RequestBody.fromBytes(bytes));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 409 || e.statusCode() == 404) {
                return false;
            }
            throw failure("replace " + key, e);
        } catch (SdkException e) {
            throw failure("replace " + key, e);
        }
    }

    private static boolean isMissing(S3Exception e) {
        return e instanceof NoSuchKeyException || e.statusCode() == 404;
    }

    private static StorageException failure(String what, SdkException e) {
        boolean retryable = e.retryable() || e instanceof SdkClientException
                || (e instanceof AwsServiceException service && service.statusCode() >= 500);
        ErrorCategory category = retryable ? ErrorCategory.TRANSIENT
                : e instanceof AwsServiceException service && (service.statusCode() == 403 || service.statusCode() == 400)
                        ? ErrorCategory.USER_ERROR : ErrorCategory.INTERNAL;
        return new StorageException(category, "Cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "lake " + location;
    }
}
