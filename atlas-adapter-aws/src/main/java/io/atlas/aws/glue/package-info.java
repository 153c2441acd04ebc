/**
 * The catalog port on the AWS Glue Data Catalog, so Athena sees the lake's tables. {@link GlueCatalog} keeps external
 * Parquet tables at the lake's S3 locations, with partition keys typed as Atlas declares them.
 */
@NullMarked
package io.atlas.aws.glue;

import org.jspecify.annotations.NullMarked;
