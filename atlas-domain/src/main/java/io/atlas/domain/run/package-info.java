/**
 * What a run knows about itself, made at the edge and passed in: the domain never reads a clock or makes ids.
 * {@link RunContext} carries the {@link RunId} and the instant the run started.
 */
@NullMarked
package io.atlas.domain.run;

import org.jspecify.annotations.NullMarked;
