package io.atlas.ports.dataset;

import java.util.Iterator;
import java.util.List;

/** An iterator over rows that holds resources (open files) until closed. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    @Override
    void close();

    /** An iterator over rows already in memory; closing it holds nothing to release. */
    static <T> CloseableIterator<T> of(List<T> rows) {
        return new OverList<>(rows.iterator());
    }

    /** The iterator of {@link #of}. */
    record OverList<T>(Iterator<T> rows) implements CloseableIterator<T> {
        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public T next() {
            return rows.next();
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
