/**
 * The application services that combine ports into the steps of SPEC §2 and §5, the same for the CLI, the Lambdas and
 * the Glue jobs. {@link IngestionService} ingests a raw file, {@link PipelineRunner} runs a day (normalize, crawl,
 * aggregate, crawl), {@link Crawler} keeps the catalog in step with the committed partitions, {@link Scheduler} and
 * {@link Validator} schedule and reconcile days; {@link JobFailure} is the one job-failure record every entry point
 * writes under {@code rejected/system/glue/}.
 */
@NullMarked
package io.atlas.app.service;

import org.jspecify.annotations.NullMarked;
