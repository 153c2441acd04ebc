/**
 * The engine port: the two deterministic batch jobs of SPEC §3-§4. {@link Engine} runs normalize and aggregate for a
 * given date, reporting a {@link NormalizeResult}, and fails with an {@link EngineException} without publishing
 * anything.
 */
@NullMarked
package io.atlas.ports.engine;

import org.jspecify.annotations.NullMarked;
