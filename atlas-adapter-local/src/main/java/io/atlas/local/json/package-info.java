/**
 * Small JSON state files in the lake: the lake-kept catalog's and run ledger's documents. {@link LakeJson} reads and
 * writes them whole and atomically through an object store.
 */
@NullMarked
package io.atlas.local.json;

import org.jspecify.annotations.NullMarked;
