/**
 * The run ledger port kept in the lake. {@link LakeRunLedger} stores one JSON document per run,
 * {@code _atlas/runs/<run_id>.json}, replaced atomically on every change.
 */
@NullMarked
package io.atlas.local.ledger;

import org.jspecify.annotations.NullMarked;
