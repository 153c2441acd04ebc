package io.atlas.local.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
    @Test
    void aReleasedBufferIsHandedOutAgainClearedToTheSizeAsked() {
        BufferPool pool = new BufferPool();
        ByteBuffer first = pool.allocate(1000);
        first.put(new byte[1000]);
        pool.release(first);

        ByteBuffer again = pool.allocate(700);

        assertThat(again).isSameAs(first);
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(700);
        assertThat(pool.made()).isEqualTo(1);
    }

    @Test
    void theSmallestFreeBufferThatHoldsTheSizeIsTaken() {
        BufferPool pool = new BufferPool();
        ByteBuffer large = pool.allocate(3 * BufferPool.GRAIN);
        ByteBuffer small = pool.allocate(BufferPool.GRAIN);
        ByteBuffer middle = pool.allocate(2 * BufferPool.GRAIN);
        pool.release(large);
        pool.release(small);
        pool.release(middle);

        assertThat(pool.allocate(BufferPool.GRAIN + 1)).isSameAs(middle);
        assertThat(pool.allocate(BufferPool.GRAIN)).isSameAs(small);
        assertThat(pool.allocate(4 * BufferPool.GRAIN)).isNotSameAs(large);
        assertThat(pool.made()).isEqualTo(4);
    }

    @Test
    void aBufferInUseIsNotHandedOut() {
        BufferPool pool = new BufferPool();
        ByteBuffer held = pool.allocate(10);

        assertThat(pool.allocate(10)).isNotSameAs(held);
    }

    @Test
    void sizesRoundUpToTheGrainSoNearlyEqualChunksShareBuffers() {
        BufferPool pool = new BufferPool();
        ByteBuffer first = pool.allocate(BufferPool.GRAIN * 5 - 100);
        assertThat(first.capacity()).isEqualTo(BufferPool.GRAIN * 5);
        pool.release(first);

        assertThat(pool.allocate(BufferPool.GRAIN * 5 - 10)).isSameAs(first);
    }

    @Test
    void noMoreThanItsCapIsKeptFree() {
        BufferPool pool = new BufferPool();
        int size = (int) (BufferPool.MAX_FREE_BYTES / 2);
        ByteBuffer first = pool.allocate(size);
        ByteBuffer second = pool.allocate(size);
        ByteBuffer third = pool.allocate(size);
        pool.release(first);
        pool.release(second);
        pool.release(third); // over the cap: not kept

        assertThat(pool.allocate(size)).isIn(first, second);
        assertThat(pool.allocate(size)).isIn(first, second);
        assertThat(pool.allocate(size)).isNotSameAs(third);
    }

    @Test
    void eachThreadHasOnePoolOfItsOwn() throws Exception {
        BufferPool mine = BufferPool.forThisThread();
        BufferPool[] other = new BufferPool[1];
        Thread thread = new Thread(() -> other[0] = BufferPool.forThisThread());
        thread.start();
        thread.join();

        assertThat(BufferPool.forThisThread()).isSameAs(mine);
        assertThat(other[0]).isNotNull().isNotSameAs(mine);
    }
}
