package io.atlas.domain.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The cache gives the text of the characters asked for, whatever was asked before; repeats share one instance. */
class CharTextCacheTest {
    @Provide
    Arbitrary<List<String>> values() {
        // Few distinct values, so they repeat and collide; lengths around the kept limit.
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab.1").ofMaxLength(40),
                Arbitraries.strings().withChars("x\u00e9\u20ac").ofMaxLength(10),
                Arbitraries.of("\uD83C\uDF89", "a\uD83C\uDF89b", "\u00e9".repeat(128), "\u00e9".repeat(129)),
                Arbitraries.strings().withChars("ab").ofMinLength(120).ofMaxLength(140));
        return value.list().ofMinSize(1).ofMaxSize(8).flatMap(pool -> Arbitraries.of(pool).list().ofMaxSize(200));
    }

    @Property(tries = 500)
    void givesTheTextOfTheCharacters(@ForAll("values") List<String> values, @ForAll int seed) {
        CharTextCache cache = new CharTextCache();
        int shift = Math.floorMod(seed, 16);
        for (String value : values) {
            StringBuilder chars = new StringBuilder(" ".repeat(shift)).append(value).append("  x"); // around it must not matter
            assertThat(cache.text(chars, shift, shift + value.length())).isEqualTo(value);
            shift = (shift + 7) % 16;
        }
    }

    @Test
    void aRepeatedValueIsOneInstanceAndALongOneIsNeverKept() {
        CharTextCache cache = new CharTextCache();
        String service = "payment-service";
        assertThat(cache.text(new StringBuilder(service), 0, service.length()))
                .isSameAs(cache.text(new StringBuilder(" " + service + " "), 1, service.length() + 1));
        assertThat(cache.text(new StringBuilder(service), 0, service.length() - 1)).isEqualTo("payment-servic");
        StringBuilder longText = new StringBuilder("a".repeat(CharTextCache.MAX_KEPT_CHARS + 1));
        assertThat(cache.text(longText, 0, longText.length())).isEqualTo(longText.toString())
                .isNotSameAs(cache.text(longText, 0, longText.length()));
        assertThat(cache.text(longText, 3, 3)).isEmpty();
    }

    /** A field of distinct values passes its cache by, its texts still right, and a repeat is one instance again. */
    @Test
    void aFieldOfDistinctValuesPassesItsCacheByAndComesBack() {
        CharTextCache cache = new CharTextCache();
        int distinct = 2 * CacheUse.SAMPLE + CacheUse.PAUSE;
        for (int i = 0; i < distinct; i++) {
            StringBuilder ip = new StringBuilder("10.").append(i >>> 16).append('.').append(i >>> 8 & 255).append('.').append(i & 255);
            assertThat(cache.text(ip, 0, ip.length())).isEqualTo(ip.toString());
        }
        StringBuilder ip = new StringBuilder("192.0.2.1");
        assertThat(cache.text(ip, 0, ip.length())).isEqualTo("192.0.2.1").isSameAs(cache.text(ip, 0, ip.length()));
    }
}
