/**
 * The lake's partition commit protocol. {@link PartitionCommit} is the only reader and writer of commit markers
 * ({@code <partition>/_atlas_commit.json}, whose content is a {@link CommitMarker}): it places a run's data files,
 * writes the marker, removes stale files, lists committed partitions and fixes the order in which a day's
 * {@link DayPartition}s are published, for every engine and every reader.
 */
@NullMarked
package io.atlas.ports.commit;

import org.jspecify.annotations.NullMarked;
