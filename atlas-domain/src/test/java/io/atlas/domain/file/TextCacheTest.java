package io.atlas.domain.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.record.SourceField;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The cache gives the text of the bytes asked for, whatever was asked before; repeats share one instance. */
class TextCacheTest {
    @Provide
    Arbitrary<List<String>> values() {
        // Few distinct values, so they repeat and collide; lengths around the hashed ends and the kept limit.
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab.1").ofMaxLength(40),
                Arbitraries.strings().withChars("x\u00e9\u20ac").ofMaxLength(10),
                Arbitraries.of("\uD83C\uDF89", "a\uD83C\uDF89b", "\u00e9".repeat(64), "\u00e9".repeat(65)),
                Arbitraries.strings().withChars("ab").ofMinLength(120).ofMaxLength(140));
        return value.list().ofMinSize(1).ofMaxSize(8).flatMap(pool -> Arbitraries.of(pool).list().ofMaxSize(200));
    }

    @Property(tries = 500)
    void givesTheTextOfTheBytes(@ForAll("values") List<String> values, @ForAll int seed) {
        TextCache cache = new TextCache();
        byte[] buffer = new byte[1024];
        int shift = Math.floorMod(seed, 64);
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(bytes, 0, buffer, shift, bytes.length);
            buffer[shift + bytes.length] = '"'; // what follows a value must not matter
            assertThat(cache.text(buffer, shift, bytes.length)).isEqualTo(value);
            shift = (shift + 7) % 64;
        }
    }

    /** The word-wise compare is Arrays.equals, whatever the key holds past the length and wherever the value lies. */
    @Property(tries = 2000)
    void sameBytesIsArraysEquals(@ForAll @net.jqwik.api.constraints.IntRange(max = 40) int length,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 9) int offset, @ForAll @net.jqwik.api.constraints.IntRange(max = 40) int differAt,
            @ForAll byte garbage, @ForAll boolean differ) {
        byte[] bytes = new byte[offset + length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        byte[] key = new byte[Math.max(length, 16) + 3];
        java.util.Arrays.fill(key, garbage);
        System.arraycopy(bytes, offset, key, 0, length);
        if (differ && length > 0) {
            key[differAt % length] ^= (byte) (1 << (differAt % 8));
        }
        assertThat(TextCache.sameBytes(key, bytes, offset, length))
                .isEqualTo(java.util.Arrays.equals(key, 0, length, bytes, offset, offset + length));
    }

    @Test
    void aRepeatedValueIsOneInstanceAndALongOneIsNeverKept() {
        TextCache cache = new TextCache();
        byte[] agent = "Mozilla/5.0 (X11; Linux x86_64)".getBytes(StandardCharsets.UTF_8);
        assertThat(cache.text(agent, 0, agent.length)).isSameAs(cache.text(agent.clone(), 0, agent.length));
        byte[] prefix = "Mozilla/5.0 (X11; Linux x86_64".getBytes(StandardCharsets.UTF_8);
        assertThat(cache.text(prefix, 0, prefix.length)).isEqualTo("Mozilla/5.0 (X11; Linux x86_64");
        byte[] longText = "a".repeat(TextCache.MAX_KEPT_BYTES + 1).getBytes(StandardCharsets.UTF_8);
        assertThat(cache.text(longText, 0, longText.length)).isEqualTo("a".repeat(TextCache.MAX_KEPT_BYTES + 1))
                .isNotSameAs(cache.text(longText, 0, longText.length));
        assertThat(cache.text(agent, 0, 0)).isEmpty();
    }

    /** Thousands of agents that differ only in a number mid-text spread over the slots as random values would. */
    @Test
    void valuesThatDifferInTheirMiddleTakeSlotsOfTheirOwn() {
        java.util.Set<Integer> slots = new java.util.HashSet<>();
        int agents = 5_000;
        for (int i = 0; i < agents; i++) {
            byte[] agent = ("Mozilla/5.0 (client " + i + ") Gecko/20100101").getBytes(StandardCharsets.UTF_8);
            slots.add(TextCache.slot(agent, 0, agent.length));
        }
        // Random values would take 32768 * (1 - e^(-5000/32768)), about 4,640 slots.
        assertThat(slots.size()).isGreaterThan(4_400);
    }

    /** A field of distinct values passes its cache by, its texts still right, and a repeat is one instance again. */
    @Test
    void aFieldOfDistinctValuesPassesItsCacheByAndComesBack() {
        TextCache cache = new TextCache();
        int distinct = 2 * CacheUse.SAMPLE + CacheUse.PAUSE;
        for (int i = 0; i < distinct; i++) {
            byte[] ip = ("10." + (i >>> 16) + "." + (i >>> 8 & 255) + "." + (i & 255)).getBytes(StandardCharsets.UTF_8);
            assertThat(cache.text(ip, 0, ip.length)).isEqualTo(new String(ip, StandardCharsets.UTF_8));
        }
        byte[] ip = "192.0.2.1".getBytes(StandardCharsets.UTF_8);
        assertThat(cache.text(ip, 0, ip.length)).isEqualTo("192.0.2.1").isSameAs(cache.text(ip, 0, ip.length));
    }

    @Test
    void eachThreadAndEachFieldHasItsOwn() throws Exception {
        TextCache mine = TextCache.of(TextCache.forThisThread(), SourceField.IP);
        TextCache[] theirs = new TextCache[1];
        Thread other = new Thread(() -> theirs[0] = TextCache.of(TextCache.forThisThread(), SourceField.IP));
        other.start();
        other.join();
        assertThat(TextCache.of(TextCache.forThisThread(), SourceField.IP)).isSameAs(mine);
        assertThat(theirs[0]).isNotNull().isNotSameAs(mine);
        assertThat(TextCache.of(TextCache.forThisThread(), SourceField.USER_AGENT)).isNotNull().isNotSameAs(mine);
    }
}
