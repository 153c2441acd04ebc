/**
 * The daily aggregate of SPEC §4, shared by every engine so they cannot drift. {@link DailyActivityAccumulator} folds
 * distinct events ({@link EventFacts}) into a {@link DailyActivity} row; {@link DistinctEvents} and
 * {@link ConcurrentLogIdSet} deduplicate by {@code log_id}, and {@link DistinctIpAddresses} and {@link IpShare} count
 * distinct addresses exactly within a memory budget.
 */
@NullMarked
package io.atlas.domain.aggregate;

import org.jspecify.annotations.NullMarked;
