/**
 * Atlas on AWS for embedders: {@link io.atlas.app.wiring.aws.S3LakeProvider} is the
 * {@link io.atlas.app.wiring.LakeProvider} (found through {@link java.util.ServiceLoader}) that opens {@code s3://}
 * lakes with the S3 adapter's store and locks, and publishes run summaries to SNS. Kept out of atlas-core so a local
 * lake pulls no AWS SDK.
 */
@NullMarked
package io.atlas.app.wiring.aws;

import org.jspecify.annotations.NullMarked;
