/**
 * The lake in an S3 bucket. {@link S3ObjectStore} is the {@link io.atlas.ports.storage.ObjectStore} on S3 and offers
 * {@link io.atlas.ports.storage.ConditionalWrites} through
 * {@link io.atlas.ports.storage.ObjectStore#conditionalWrites()}; {@link S3Location} names a lake as
 * {@code s3://bucket/prefix} and {@link S3Clients} builds the SDK clients.
 */
@NullMarked
package io.atlas.aws.s3;

import org.jspecify.annotations.NullMarked;
