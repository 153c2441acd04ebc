/**
 * In-memory implementations of the ports, for tests and for embedding without a disk. {@link InMemoryObjectStore}
 * (with conditional writes), {@link InMemoryDatasetStore}, {@link InMemoryCatalog}, {@link InMemoryRunLedger} and
 * {@link InMemoryRunLocks} pass the same contract suites as the real adapters.
 */
@NullMarked
package io.atlas.ports.inmemory;

import org.jspecify.annotations.NullMarked;
