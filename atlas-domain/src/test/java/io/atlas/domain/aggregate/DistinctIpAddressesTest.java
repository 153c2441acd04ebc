package io.atlas.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The compact set counts exactly the distinct strings a {@code HashSet<String>} counts. */
class DistinctIpAddressesTest {

    @Provide
    Arbitrary<String> ip() {
        return IpAddressStrings.any();
    }

    @Property(tries = 300)
    void countsTheDistinctStrings(@ForAll @Size(max = 300) List<@net.jqwik.api.From("ip") String> ips) {
        DistinctIpAddresses set = new DistinctIpAddresses();
        HashSet<String> plain = new HashSet<>();
        for (String ip : ips) {
            assertThat(set.add(ip)).as(ip).isEqualTo(plain.add(ip));
        }
        assertThat(set.size()).isEqualTo(plain.size());
    }

    /** An address given as UTF-8 bytes amid others counts as its decoded text, whichever way the same text came. */
    @Property(tries = 300)
    void bytesCountAsTheTextTheyDecodeTo(@ForAll @Size(max = 300) List<@net.jqwik.api.From("ip") String> ips,
            @ForAll java.util.Random way) {
        DistinctIpAddresses set = new DistinctIpAddresses();
        HashSet<String> plain = new HashSet<>();
        for (String ip : ips) {
            if (way.nextBoolean()) {
                byte[] page = ("\u00e9" + ip + "7").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                String decoded = new String(page, 2, page.length - 3, java.nio.charset.StandardCharsets.UTF_8);
                assertThat(set.add(page, 2, page.length - 3)).as(ip).isEqualTo(plain.add(decoded));
            } else {
                assertThat(set.add(ip)).as(ip).isEqualTo(plain.add(ip));
            }
        }
        assertThat(set.size()).isEqualTo(plain.size());
    }

    @Property(tries = 200)
    void aUnionCountsTheDistinctStringsOfBoth(@ForAll @Size(max = 200) List<@net.jqwik.api.From("ip") String> left,
            @ForAll @Size(max = 200) List<@net.jqwik.api.From("ip") String> right) {
        DistinctIpAddresses a = new DistinctIpAddresses();
        DistinctIpAddresses b = new DistinctIpAddresses();
        left.forEach(a::add);
        right.forEach(b::add);
        HashSet<String> plain = new HashSet<>(left);
        plain.addAll(right);

        assertThat(a.addAll(b).size()).isEqualTo(plain.size());
    }

    @Test
    void spellingsOfOneAddressStayDistinctStrings() {
        DistinctIpAddresses set = new DistinctIpAddresses();
        for (String ip : List.of("::1", "0:0:0:0:0:0:0:1", "::0:1", "1.2.3.4", "01.2.3.4", "::ffff:1.2.3.4", "::1",
                "1.2.3.4")) {
            set.add(ip);
        }
        assertThat(set.size()).isEqualTo(6);
    }

    /** 4 bytes an address in a table between 3/8 and 3/4 full: at most 11 bytes each, against ~90 for a String. */
    @Test
    void holdsManyIpv4AddressesInAFewBytesEach() {
        DistinctIpAddresses set = new DistinctIpAddresses();
        for (int i = 0; i < 1_000_000; i++) {
            int bits = i * 0x9E3779B1; // spread over the whole space, as a public site's clients are
            set.add(IpAddressStrings.dotted(bits));
        }
        assertThat(set.size()).isEqualTo(1_000_000);
        assertThat(set.estimatedBytes()).isLessThan(11_000_000);
    }

    @Test
    void survivesJavaSerializationAsSparkBuffersIt() throws Exception {
        DistinctIpAddresses set = new DistinctIpAddresses();
        List.of("1.2.3.4", "::1", "odd", "0:0:0:0:0:0:0:1").forEach(set::add);
        DistinctIpAddresses copy = serializedAndBack(set);
        assertThat(copy.size()).isEqualTo(4);
        assertThat(copy.add("1.2.3.4")).isFalse();
        assertThat(copy.add("odd")).isFalse();
        assertThat(copy.add("::1")).isFalse();
    }

    private static DistinctIpAddresses serializedAndBack(DistinctIpAddresses set) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(set);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (DistinctIpAddresses) in.readObject();
        }
    }

    /** The size a budget check reads grows with the addresses, stays put on repeats, and adds up over a union. */
    @Property(tries = 100)
    void theEstimateGrowsWithTheAddressesAndNotWithRepeats(@ForAll @Size(max = 400) List<@net.jqwik.api.From("ip") String> ips) {
        DistinctIpAddresses set = new DistinctIpAddresses();
        long before = set.estimatedBytes();
        for (String ip : ips) {
            set.add(ip);
            assertThat(set.estimatedBytes()).isGreaterThanOrEqualTo(before);
            before = set.estimatedBytes();
        }
        ips.forEach(set::add);
        assertThat(set.estimatedBytes()).isEqualTo(before);
        assertThat(new DistinctIpAddresses().addAll(set).size()).isEqualTo(set.size());
    }
    /**
     * Made denser at any point, and merged with a set that was or was not, the set still counts the distinct strings;
     * the merge buffer holds 16 addresses, so a list crosses many merges.
     */
    @Property(tries = 300)
    void aCompactedSetCountsTheSameStrings(@ForAll @Size(max = 3000) List<@net.jqwik.api.From("ip") String> ips,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 3000) int compactAt,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 3000) int otherFrom, @ForAll boolean compactOther) {
        DistinctIpAddresses set = new DistinctIpAddresses(16);
        DistinctIpAddresses other = new DistinctIpAddresses(16);
        for (int i = 0; i < ips.size(); i++) {
            if (i == compactAt) {
                assertThat(set.compact(Long.MAX_VALUE)).isTrue();
                assertThat(set.compact(Long.MAX_VALUE)).isFalse();
            }
            (i < otherFrom ? set : other).add(ips.get(i));
        }
        if (compactOther) {
            other.compact(Long.MAX_VALUE);
        }
        HashSet<String> plain = new HashSet<>(ips);
        assertThat(set.addAll(other).size()).isEqualTo(plain.size());
        for (String ip : ips) {
            assertThat(set.add(ip) && !ip.contains(".")).as(ip).isFalse();
        }
        assertThat(set.size()).isEqualTo(plain.size());
    }

    /**
     * Public-site clients spread over the whole space: at 20,000 the denser form would be larger (20,000 addresses in
     * some 18,000 containers) and the set stays as it is; at 1M and after, the bitmap takes less than the hash set.
     */
    @Test
    void compactsRandomIpv4AddressesOnlyWhereTheyGetSmaller() {
        DistinctIpAddresses set = new DistinctIpAddresses();
        DistinctIpAddresses hashed = new DistinctIpAddresses();
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < 3_000_000; i++) {
            int bits = random.nextInt();
            String ip = IpAddressStrings.dotted(bits);
            set.add(ip);
            hashed.add(ip);
            if (i == 20_000) {
                assertThat(set.compact(set.estimatedBytes())).as("20,000 in 18,000 containers").isFalse();
            }
            if (i == 1_000_000) {
                assertThat(set.compact(Long.MAX_VALUE)).isTrue();
                assertThat(set.estimatedBytes()).isLessThan(hashed.estimatedBytes());
            }
        }
        assertThat(set.size()).isEqualTo(hashed.size());
        assertThat(hashed.size()).isGreaterThan(2_990_000);
        assertThat(set.estimatedBytes()).isLessThan(hashed.estimatedBytes());
    }

    /**
     * With a limit, the hash set's table never doubles past it: a subnet's addresses move into the bitmap first (at
     * 98,304, when the 512 KB table would become 1 MB and 4 bytes), and the set stays within the limit throughout.
     */
    @Test
    void aLimitedTableIsCompactedBeforeItDoublesPastTheLimit() {
        DistinctIpAddresses limited = new DistinctIpAddresses();
        limited.limitTable(1 << 20);
        for (int i = 0; i < 1_000_000; i++) {
            limited.add("10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255));
            if (limited.estimatedBytes() > 1 << 20) {
                throw new AssertionError("over the limit after " + (i + 1) + " addresses: " + limited.estimatedBytes());
            }
        }
        assertThat(limited.size()).isEqualTo(1_000_000);
        assertThat(limited.compact(Long.MAX_VALUE)).as("already compacted").isFalse();
    }

    /** A union's estimate includes what the other set brought, whichever of the two was made denser. */
    @Test
    void theEstimateOfAUnionOfDenserSetsCountsBoth() {
        DistinctIpAddresses left = new DistinctIpAddresses();
        DistinctIpAddresses right = new DistinctIpAddresses();
        for (int i = 0; i < 200_000; i++) {
            left.add("10.0." + (i >> 8 & 255) + "." + (i & 255));
            int every3 = 3 * i; // a third of each of ten containers: bitmaps of 8 KB (a full one would be a run)
            right.add("172." + (16 + (every3 >> 16)) + "." + (every3 >> 8 & 255) + "." + (every3 & 255));
        }
        right.compact(Long.MAX_VALUE);
        DistinctIpAddresses union = new DistinctIpAddresses();
        long empty = union.estimatedBytes();
        union.addAll(right);
        assertThat(union.estimatedBytes() - empty).as("right's nine 8 KB containers").isGreaterThanOrEqualTo(9 * 8192);
        long before = union.estimatedBytes();
        union.addAll(left);
        assertThat(union.size()).isEqualTo(65_536 + 200_000);
        assertThat(union.estimatedBytes()).isGreaterThan(before);
    }

    @Test
    void aCompactedSetSurvivesJavaSerialization() throws Exception {
        DistinctIpAddresses set = new DistinctIpAddresses();
        List.of("1.2.3.4", "::1", "odd").forEach(set::add);
        set.compact(Long.MAX_VALUE);
        set.add("255.255.255.255");
        set.add("1.2.3.4");
        DistinctIpAddresses copy = serializedAndBack(set);
        assertThat(copy.size()).isEqualTo(4);
        assertThat(copy.add("255.255.255.255")).isFalse();
        assertThat(copy.add("1.2.3.4")).isFalse();
        assertThat(copy.add("1.2.3.5")).isTrue();
    }
}
