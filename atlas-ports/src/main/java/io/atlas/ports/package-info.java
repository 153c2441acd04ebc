/**
 * The Atlas ports: the interfaces adapters implement, in subpackages, with their in-memory implementations
 * ({@code inmemory}), the partition commit protocol ({@code commit}) and the in-process engine ({@code inprocess}).
 * {@link AtlasException} is the root of every system failure, with an {@link ErrorCategory} saying whether a retry can
 * help.
 */
@NullMarked
package io.atlas.ports;

import org.jspecify.annotations.NullMarked;
