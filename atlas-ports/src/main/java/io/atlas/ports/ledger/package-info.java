/**
 * The run ledger port: the record of every run and of each of its steps. {@link RunLedger} keeps {@link RunRecord}s of
 * {@link StepRecord}s, typed by {@link RunKind}, {@link StepName}, {@link RunState} and {@link CountKey}.
 */
@NullMarked
package io.atlas.ports.ledger;

import org.jspecify.annotations.NullMarked;
