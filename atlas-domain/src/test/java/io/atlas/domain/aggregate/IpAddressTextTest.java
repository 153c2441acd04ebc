package io.atlas.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only texts with one spelling are stored as bits; every other text stays a string. */
class IpAddressTextTest {

    @Property
    void canonicalDottedQuadsAreTheirThirtyTwoBits(@ForAll @IntRange(min = 0, max = 255) int a,
            @ForAll @IntRange(min = 0, max = 255) int b, @ForAll @IntRange(min = 0, max = 255) int c,
            @ForAll @IntRange(min = 0, max = 255) int d) {
        assertThat(IpAddressText.ipv4(a + "." + b + "." + c + "." + d))
                .isEqualTo(((long) a << 24) | ((long) b << 16) | ((long) c << 8) | d);
    }

    @Property
    void bytesAmidOthersParseAsTheirText(@ForAll("texts") String text) {
        byte[] page = ("9" + text + "9").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(IpAddressText.ipv4(page, 1, page.length - 2)).as(text).isEqualTo(IpAddressText.ipv4(text));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> texts() {
        return IpAddressStrings.any();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01.2.3.4", "1.2.3.04", "00.0.0.0", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4 ", " 1.2.3.4",
        "1..2.3", ".1.2.3", "1.2.3.", "+1.2.3.4", "1.2.3.-4", "١.٢.٣.٤", "1.2.3.4\n", "1000.1.1.1", "", "a.b.c.d"})
    void otherSpellingsOfIpv4AreNotBits(String text) {
        assertThat(IpAddressText.ipv4(text)).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "::", "2001:db8::1", "1::", "fe80::1:2", "2001:db8:0:1:1:1:1:1", "1:0:0:2::3",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"})
    void rfc5952TextsAreTheirHundredTwentyEightBits(String text) {
        long[] bits = IpAddressText.ipv6(text);
        assertThat(bits).isNotNull();
        assertThat(format(bits)).isEqualTo(IpAddressStrings.compress(IpAddressStrings.expanded(groups(bits))));
        assertThat(format(bits)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:0:0:0:0:0:0:1", "::0:1", "2001:DB8::1", "2001:0db8::1", "2001:db8:0:0:1::1", "1:0::",
        "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8:9", "1::2::3", ":::", "1:::2", "fe80::1%eth0", "12345::", "1:2:3:4:5:6:7",
        "2001:db8::0:1", "1:2:3:4:5:6:7::", ":1::", "1::2:", "g::1", " ::1", "::1 "})
    void otherSpellingsOfIpv6AreNotBits(String text) {
        assertThat(IpAddressText.ipv6(text)).isNull();
    }

    private static String format(long[] bits) {
        return IpAddressStrings.compress(IpAddressStrings.expanded(groups(bits)));
    }

    private static int[] groups(long[] bits) {
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (bits[0] >>> (48 - 16 * i)) & 0xffff;
            groups[i + 4] = (int) (bits[1] >>> (48 - 16 * i)) & 0xffff;
        }
        return groups;
    }
}
