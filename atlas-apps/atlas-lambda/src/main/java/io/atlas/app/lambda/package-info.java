/**
 * The AWS Lambda handlers: {@link IngestionHandler} ingests the objects an S3 event names, and {@link PlanHandler} and
 * {@link RunEndHandler} are the first and last states of the pipeline state machine. {@link LambdaEnvironment} reads
 * the environment into the same {@link io.atlas.app.AtlasSettings} the CLI uses, and {@link JsonLines} writes
 * structured log lines and metrics for CloudWatch.
 */
@NullMarked
package io.atlas.app.lambda;

import org.jspecify.annotations.NullMarked;
