/**
 * Ingestion's decisions for one raw file (SPEC §2). {@link FileScanner} confirms the format and finds the UTC days the
 * file touches as a {@link FileScanResult}; {@link RoutingPlan} says where the file is copied, and
 * {@link FileRejection} is a file-level reject with its sidecar content.
 */
@NullMarked
package io.atlas.domain.ingest;

import org.jspecify.annotations.NullMarked;
