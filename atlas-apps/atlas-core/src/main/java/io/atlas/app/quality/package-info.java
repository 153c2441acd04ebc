/**
 * The day-level quality checks of a pipeline run, applied with the domain's gates in {@code io.atlas.domain.quality}.
 * {@link DayQuality} hashes a run's input files and evaluates the gates once the day is published; {@link RunDetails}
 * is what a successful run saw and decided, kept by {@link RunDetailsStore} beside the run ledger
 * ({@code _atlas/run-details/<run_id>.json}), and {@link DayRows} reads a day's published rows.
 */
@NullMarked
package io.atlas.app.quality;

import org.jspecify.annotations.NullMarked;
