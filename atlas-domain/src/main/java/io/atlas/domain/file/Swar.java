package io.atlas.domain.file;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Tests on 8 bytes at once (SIMD within a register), for the scans that look for one of a few bytes in long runs of
 * others: each test says exactly whether any of the 8 bytes is such a byte, never which; a caller that gets yes
 * looks at those bytes one by one.
 */
final class Swar {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Swar() {}

    /** The 8 bytes at {@code bytes[at]} ({@code at + 8 <= bytes.length}). */
    static long load(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** Every byte of the word {@code b}. */
    static long broadcast(int b) {
        return ONES * (b & 0xff);
    }

    /** Whether any byte of {@code word} is the byte {@code broadcast} repeats. */
    static boolean hasByte(long word, long broadcast) {
        long x = word ^ broadcast;
        return ((x - ONES) & ~x & HIGHS) != 0;
    }

    /** Whether any byte of {@code word} is below 0x20 (an ASCII control character; bytes 0x80-0xff are not). */
    static boolean hasControl(long word) {
        return ((word - broadcast(0x20)) & ~word & HIGHS) != 0;
    }
}
