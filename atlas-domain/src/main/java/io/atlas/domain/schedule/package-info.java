/**
 * Which process dates a trigger or a backfill runs (SPEC §5). {@link ProcessDateRule} turns a trigger instant into its
 * date (the UTC day before), {@link SchedulePlan} adds the pending days within the lookback window, and
 * {@link DateRange} is a backfill's inclusive range.
 */
@NullMarked
package io.atlas.domain.schedule;

import org.jspecify.annotations.NullMarked;
