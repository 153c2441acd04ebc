/**
 * The in-process batch engine. {@link InProcessEngine} is the {@link io.atlas.ports.engine.Engine} that runs in this
 * JVM over any object store and dataset store: normalize runs the domain's file normalizer on files in parallel, and
 * aggregate deduplicates the day's events within a memory budget; the helpers it alone uses are package-private.
 */
@NullMarked
package io.atlas.ports.inprocess;

import org.jspecify.annotations.NullMarked;
