/**
 * The day-level quality gates and what a run of a day saw. {@link QualityGates} evaluates each {@link Gate} on a day's
 * {@link DayMetrics} against the trailing successful days, tuned by {@link GateSettings}, into {@link GateOutcome}s; a
 * gate never changes the numbers, and every instant and history comes in as an argument. {@link DaySnapshot} is what
 * one successful run saw and produced, and {@link DayDiff} what a reprocessing changed.
 */
@NullMarked
package io.atlas.domain.quality;

import org.jspecify.annotations.NullMarked;
