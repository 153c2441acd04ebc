/**
 * Normalization of SPEC §3: one validated file in the run of a process date, turned into processed and reject rows
 * with record conservation. {@link FileNormalizer} (and {@link SplitFileNormalizer} for a large NDJSON file read in
 * ranges) sends owned records to a {@link NormalizedSink} and counts them in {@link FileCounts};
 * {@link RecordOwnership} decides which day's run owns a record.
 */
@NullMarked
package io.atlas.domain.normalize;

import org.jspecify.annotations.NullMarked;
