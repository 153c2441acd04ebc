package io.atlas.local.dataset;

import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Heap buffers handed out again once released, for one reader at a time: parquet-java reads each row group's
 * column chunks into buffers of up to 8 MiB, and a page decompressed apart ({@link BinaryPages}) is a megabyte.
 * Each was a new array, and G1 allocates an array of half a region or more (512 KiB under {@code -Xmx512m}) as a
 * humongous object, outside the young generation, which starts a concurrent cycle: the aggregate of a 5M-record day
 * under {@code -Xmx512m} ran one every 20 ms. A reader that releases a row group's buffers before it reads the next
 * (closing the row group's {@code PageReadStore}) now allocates only the first row group's.
 *
 * <p>Best fit: {@link #allocate} takes the smallest free buffer that holds the size, or makes one rounded up to
 * {@link #GRAIN} so that chunks of nearly equal sizes reuse each other's. At most {@link #MAX_FREE_BYTES} are kept
 * free; a buffer released beyond that is left to the collector. Not thread-safe: one reader's at a time,
 * and {@link #forThisThread} gives each aggregate worker its own for every file it reads (a day of many small
 * files has one row group a file, so a pool per file would never hand a buffer out twice).
 */
final class BufferPool implements ByteBufferAllocator {
    static final int GRAIN = 64 * 1024;
    /** The most free bytes kept: a row group's projected column chunks and a few pages, at the writers' sizes. */
    static final long MAX_FREE_BYTES = 96L << 20;
    /** Each thread's pool, held softly: an idle thread's buffers go at the heap's next shortage. */
    private static final ThreadLocal<SoftReference<BufferPool>> BY_THREAD = new ThreadLocal<>();

    private final List<ByteBuffer> free = new ArrayList<>();
    private int made;
    private long freeBytes;

    /** The calling thread's pool, for one reader at a time on this thread. */
    static BufferPool forThisThread() {
        SoftReference<BufferPool> held = BY_THREAD.get();
        BufferPool pool = held == null ? null : held.get();
        if (pool == null) {
            pool = new BufferPool();
            BY_THREAD.set(new SoftReference<>(pool));
        }
        return pool;
    }

    @Override
    public ByteBuffer allocate(int size) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int capacity = free.get(i).capacity();
            if (capacity >= size && (best < 0 || capacity < free.get(best).capacity())) {
                best = i;
            }
        }
        ByteBuffer buffer;
        if (best < 0) {
            buffer = ByteBuffer.allocate(roundedUp(size));
            made++;
        } else {
            buffer = free.remove(best);
            freeBytes -= buffer.capacity();
        }
        buffer.clear().limit(size);
        return buffer;
    }

    @Override
    public void release(ByteBuffer buffer) {
        if (freeBytes + buffer.capacity() <= MAX_FREE_BYTES) {
            free.add(buffer);
            freeBytes += buffer.capacity();
        }
    }

    @Override
    public boolean isDirect() {
        return false;
    }

    /** Buffers made so far: the arrays allocated, however often each was handed out. */
    int made() {
        return made;
    }

    private static int roundedUp(int size) {
        long rounded = ((long) size + GRAIN - 1) / GRAIN * GRAIN;
        return rounded > Integer.MAX_VALUE - 8 ? size : (int) rounded;
    }
}
