/**
 * The lock ports: one run per process date at a time ({@link RunLocks}) and one read-change-write of a lake-kept
 * catalog table at a time ({@link CatalogLocks}). A second run fails fast with {@link RunConflictException}, and a run
 * that loses its lock stops with {@link LostLockException}.
 */
@NullMarked
package io.atlas.ports.lock;

import org.jspecify.annotations.NullMarked;
