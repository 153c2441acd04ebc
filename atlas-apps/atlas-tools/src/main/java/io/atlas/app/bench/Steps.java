package io.atlas.app.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Times one benchmark step with the heap peak it reached (JVM engines only). */
final class Steps {
    private Steps() {}

    /** A step that may throw. */
    @FunctionalInterface
    interface Step {
        Object run() throws Exception;
    }

    static Measurement time(Consumer<String> progress, String step, String engine, long records, long bytes, Step work)
            throws IOException, SQLException {
        progress.accept(step + " on " + engine + "...");
        try (HeapWatcher heap = new HeapWatcher()) {
            long start = System.nanoTime();
            work.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            Measurement measurement = new Measurement(step, engine, seconds, records, bytes,
                    engine.equals("duckdb") ? 0 : heap.peakBytes());
            progress.accept(String.format("  %.2f s, %,.0f records/s", seconds, measurement.recordsPerSecond()));
            return measurement;
        } catch (IOException | SQLException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot run " + step + " on " + engine + ": " + e.getMessage(), e);
        }
    }
}
