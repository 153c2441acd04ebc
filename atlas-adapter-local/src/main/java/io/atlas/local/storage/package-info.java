/**
 * The lake on a local directory. {@link FileSystemObjectStore} is the {@link io.atlas.ports.storage.ObjectStore} on a
 * filesystem (a key is a path below the root) and offers {@link io.atlas.ports.storage.LocalFiles} through
 * {@link io.atlas.ports.storage.ObjectStore#localFiles()}; writes are staged in {@code .atlas-staging/} and renamed
 * into place, so readers never see a partial object.
 */
@NullMarked
package io.atlas.local.storage;

import org.jspecify.annotations.NullMarked;
