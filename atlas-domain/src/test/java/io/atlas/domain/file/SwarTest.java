package io.atlas.domain.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Each 8-byte test says exactly what the byte-by-byte test of the same 8 bytes says. */
class SwarTest {
    @Provide
    Arbitrary<byte[]> words() {
        // Bytes around every edge the tests have: 0x00, 0x1f/0x20, the searched bytes and their neighbours, 0x7f/0x80, 0xff.
        Arbitrary<Byte> edgy = Arbitraries.of((byte) 0, (byte) 1, (byte) 0x1f, (byte) 0x20, (byte) 0x21, (byte) '"',
                (byte) 0x23, (byte) '\\', (byte) 0x5b, (byte) 0x5d, (byte) '\n', (byte) 0x0b, (byte) 0x09, (byte) 0x7f,
                (byte) 0x80, (byte) 0x9f, (byte) 0xa0, (byte) 0xdc, (byte) 0xa2, (byte) 0x8a, (byte) 0xff, (byte) 'a');
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, edgy), net.jqwik.api.Tuple.of(1, any))
                .array(byte[].class).ofSize(8);
    }

    @Property(tries = 5000)
    void theWordTestsAgreeWithTheByteTests(@ForAll("words") byte[] word) {
        long loaded = Swar.load(word, 0);
        for (int b : List.of((int) '"', (int) '\\', (int) '\n', 0, 0xff, 0x80)) {
            boolean any = false;
            for (byte x : word) {
                any |= (x & 0xff) == b;
            }
            assertThat(Swar.hasByte(loaded, Swar.broadcast(b))).as("byte %02x", b).isEqualTo(any);
        }
        boolean control = false;
        for (byte x : word) {
            control |= x >= 0 && x < 0x20;
        }
        assertThat(Swar.hasControl(loaded)).isEqualTo(control);
    }

    @Property(tries = 200)
    void loadReadsTheBytesAtAnOffset(@ForAll("words") byte[] word, @ForAll("words") byte[] other) {
        byte[] both = new byte[16];
        System.arraycopy(other, 0, both, 0, 8);
        System.arraycopy(word, 0, both, 8, 8);
        for (int at = 0; at <= 8; at++) {
            long expected = 0;
            for (int k = 7; k >= 0; k--) {
                expected = (expected << 8) | (both[at + k] & 0xff);
            }
            assertThat(Swar.load(both, at)).isEqualTo(expected);
        }
    }
}
