/**
 * {@code atlas bench}: timed runs of generated days, with DuckDB over the same files as the baseline.
 * {@link Benchmark} times one origin-shaped day ({@link BenchDay}) step by step; {@link MatrixBench} and
 * {@link WorkloadBench} run the {@link Workload} matrix, reported as {@link BenchReport}s of {@link Measurement}s.
 */
@NullMarked
package io.atlas.app.bench;

import org.jspecify.annotations.NullMarked;
