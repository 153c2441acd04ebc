/**
 * The engine port on Spark 3.5 (local mode, a cluster or AWS Glue 5). {@link SparkEngine} runs normalize with the
 * domain's file normalizers on executors (tasks planned by bytes) and aggregate as Spark SQL aggregations, publishing outputs through
 * {@link io.atlas.ports.commit.PartitionCommit}; {@link SparkEngineOptions} holds its knobs, {@link LakeLocation}
 * addresses the lake as Hadoop paths and {@link SparkPartitionSource} is what the Glue crawl job reads of the lake.
 */
@NullMarked
package io.atlas.spark;

import org.jspecify.annotations.NullMarked;
