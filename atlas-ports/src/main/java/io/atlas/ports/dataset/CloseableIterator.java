package io.atlas.ports.dataset;

import java.util.Iterator;
import java.util.List;

/** An iterator over rows that holds resources (open files) until closed. */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
    @Override
    void close();

    static <T> CloseableIterator<T> of(List<T> rows) {
        Iterator<T> iterator = rows.iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public T next() {
                return iterator.next();
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
