/**
 * The query port on Amazon Athena: {@link AthenaQueryEngine} runs SQL over the Glue Data Catalog in a workgroup, polls
 * the query until it ends and pages through its results, typing values by Athena's column types.
 */
@NullMarked
package io.atlas.aws.athena;

import org.jspecify.annotations.NullMarked;
