/**
 * The catalog port kept in the lake itself. {@link LakeCatalog} stores one JSON document per table under
 * {@code _atlas/catalog/<database>/}, rewritten whole and atomically on every change, on any object store.
 */
@NullMarked
package io.atlas.local.catalog;

import org.jspecify.annotations.NullMarked;
