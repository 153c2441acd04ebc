package io.atlas.ports.dataset;

/**
 * Replaces one partition's rows. Rows written are invisible to every reader until {@link #commit()}, which
 * publishes all of them at once; closing without committing discards them and leaves the previous rows in place.
 * Thread-safe: engines may write from several threads.
 */
public interface PartitionWriter<R> extends AutoCloseable {
    void write(R row);

    /** Publishes the rows written so far as the partition's whole content. */
    PartitionInfo commit();

    /** Discards uncommitted rows (a no-op after {@link #commit()}). */
    @Override
    void close();
}
