package io.atlas.local.dataset;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * Heap buffers handed out again once released, for one reader of one file: parquet-java reads each row group's
 * column chunks into buffers of up to 8 MiB, and a page decompressed apart ({@link BinaryPages}) is a megabyte.
 * Each was a new array, and G1 allocates an array of half a region or more (512 KiB under {@code -Xmx512m}) as a
 * humongous object, outside the young generation, which starts a concurrent cycle: the aggregate of a 5M-record day
 * under {@code -Xmx512m} ran one every 20 ms. A reader that releases a row group's buffers before it reads the next
 * (closing the row group's {@code PageReadStore}) now allocates only the first row group's.
 *
 * <p>Best fit: {@link #allocate} takes the smallest free buffer that holds the size, or makes one rounded up to
 * {@link #GRAIN} so that chunks of nearly equal sizes reuse each other's. Not thread-safe: one reader's.
 */
final class BufferPool implements ByteBufferAllocator {
    static final int GRAIN = 64 * 1024;

    private final List<ByteBuffer> free = new ArrayList<>();
    private int made;

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
        }
        buffer.clear().limit(size);
        return buffer;
    }

    @Override
    public void release(ByteBuffer buffer) {
        free.add(buffer);
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
