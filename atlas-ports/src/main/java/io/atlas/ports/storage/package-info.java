/**
 * The storage port: the lake as a flat namespace of keys, through which every component reads and writes it.
 * {@link ObjectStore} lists, reads and writes objects ({@link ObjectInfo}) and exposes its optional abilities as
 * {@link ObjectStore#localFiles()} ({@link LocalFiles}) and {@link ObjectStore#conditionalWrites()}
 * ({@link ConditionalWrites}), so a decorating store keeps them; failures are {@link StorageException}s, a missing key
 * a {@link NoSuchObjectException}.
 */
@NullMarked
package io.atlas.ports.storage;

import org.jspecify.annotations.NullMarked;
