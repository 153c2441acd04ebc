package io.atlas.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Turns a producer that pushes elements (the domain's normalizer calls a sink) into the iterator Spark pulls from,
 * through a bounded queue: memory holds at most {@code capacity} elements whatever the file's size. The producer runs
 * on its own thread; its failure is rethrown to the consumer.
 */
final class PushToPullIterator<T> implements Iterator<T> {
    /** Writes elements to the sink it is given; may throw. */
    @FunctionalInterface
    interface Producer<T> {
        void produce(Consumer<T> sink) throws Exception;
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue;
    private final Thread thread;
    private volatile Throwable failure;
    private Object next;

    PushToPullIterator(int capacity, String name, Producer<T> producer) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(() -> {
            try {
                producer.produce(this::put);
            } catch (Throwable e) {
                failure = e;
            } finally {
                put(END);
            }
        }, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void put(Object element) {
        try {
            queue.put(element);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while consuming", e);
            }
        }
        if (next == END) {
            if (failure != null) {
                throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure.getMessage(), failure);
            }
            return false;
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T element = (T) next;
        next = null;
        return element;
    }
}
