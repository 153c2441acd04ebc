/**
 * The AWS adapters of the Atlas ports, through the AWS SDK v2. The subpackages hold the S3 object store ({@code s3}),
 * run and catalog locks on S3 ({@code lock}), the Glue Data Catalog ({@code glue}), the Athena query engine
 * ({@code athena}) and run summaries over SNS ({@code sns}); this package itself has no types.
 */
@NullMarked
package io.atlas.aws;

import org.jspecify.annotations.NullMarked;
