/**
 * What each run of a day saw and concluded beyond the ledger's step counts: its input files by hash, the row it
 * published, its rejects by reason, the quality gates' outcomes and what it changed since the previous successful run
 * of the day ({@code _atlas/run-details/<run_id>.json}, beside the ledger).
 */
@NullMarked
package io.atlas.app.quality;

import org.jspecify.annotations.NullMarked;
