/**
 * Run and catalog-table locks on a local lake, held with operating-system file locks under {@code _atlas/locks/}.
 * {@link FileRunLocks} holds a date's lock for the whole run and {@link FileCatalogLocks} a table's for one
 * read-change-write; the operating system releases the lock of a process that dies.
 */
@NullMarked
package io.atlas.local.lock;

import org.jspecify.annotations.NullMarked;
