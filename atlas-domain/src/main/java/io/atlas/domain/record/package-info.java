/**
 * The record rules of SPEC §3: from a source record's fields to a canonical row or a rejection.
 * {@link RecordValidator} checks {@link SourceFields} in SPEC order into a {@link RecordOutcome} (a
 * {@link CanonicalRecord} or a {@link RejectReason}), using {@link FieldRules} and {@link EventTimestamps};
 * {@link LogIdHasher} makes the {@code log_id}.
 */
@NullMarked
package io.atlas.domain.record;

import org.jspecify.annotations.NullMarked;
