/**
 * Run and catalog-table locks in an S3 lake, under {@code _atlas/locks/}. {@link S3RunLocks} and
 * {@link S3CatalogLocks} take a lock with a conditional put and hold it by a lease the holder renews, so a dead
 * holder's lock expires.
 */
@NullMarked
package io.atlas.aws.lock;

import org.jspecify.annotations.NullMarked;
