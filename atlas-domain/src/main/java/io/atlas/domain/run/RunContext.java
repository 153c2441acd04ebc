package io.atlas.domain.run;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What a run knows about itself: its id and the instant it started. Built at the edge (CLI, Lambda, Glue
 * main, tests with a fixed clock); the domain never reads a clock or makes ids.
 */
public record RunContext(RunId runId, Instant startedAt) {
    public RunContext {
        requireNonNull(runId, "runId is null");
        requireNonNull(startedAt, "startedAt is null");
    }
}
