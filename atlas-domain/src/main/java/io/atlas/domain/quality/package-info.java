/**
 * Day-level quality: the gates a day's numbers are checked against after aggregate (volume, reject rate, silence,
 * freshness) and what a reprocessing changed between two runs of a day. Pure rules: every instant and every history
 * comes in as an argument.
 */
@NullMarked
package io.atlas.domain.quality;

import org.jspecify.annotations.NullMarked;
