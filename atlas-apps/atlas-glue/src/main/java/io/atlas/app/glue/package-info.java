/**
 * The AWS Glue job mains, each one step of the pipeline on Spark for {@code --process_date}: {@link NormalizeJob},
 * {@link AggregateJob} and {@link CrawlJob}. {@link GlueArguments} reads the job arguments into the same
 * {@link io.atlas.app.AtlasSettings} the CLI uses.
 */
@NullMarked
package io.atlas.app.glue;

import org.jspecify.annotations.NullMarked;
