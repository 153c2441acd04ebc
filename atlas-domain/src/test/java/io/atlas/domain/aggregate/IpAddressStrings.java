package io.atlas.domain.aggregate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Address texts as a day may carry them: canonical and odd spellings of IPv4 and IPv6, and any other string. */
final class IpAddressStrings {
    private IpAddressStrings() {}

    static Arbitrary<String> any() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        // A narrow range so that equal addresses and their other spellings occur in one day.
        Arbitrary<Integer> smallOctet = Arbitraries.integers().between(0, 12);
        Arbitrary<String> ipv4 = Combinators.combine(octet, smallOctet, smallOctet, smallOctet)
                .as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
        Arbitrary<String> oddIpv4 = Combinators.combine(ipv4, Arbitraries.of("0", " ", "+", "\t", ".", "00"),
                        Arbitraries.integers().between(0, 2))
                .as((ip, junk, where) -> where == 0 ? junk + ip : where == 1 ? ip + junk : ip.replaceFirst("\\.", "." + junk));
        Arbitrary<Integer> group = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 0x2f),
                Arbitraries.integers().between(0, 0xffff));
        Arbitrary<int[]> groups = group.array(int[].class).ofSize(8);
        Arbitrary<String> expandedIpv6 = groups.map(IpAddressStrings::expanded);
        Arbitrary<String> canonicalIpv6 = groups.map(g -> compress(expanded(g)));
        Arbitrary<String> oddIpv6 = Arbitraries.oneOf(expandedIpv6.map(String::toUpperCase),
                Arbitraries.of("::1", "0:0:0:0:0:0:0:1", "::", "0::0", "::0:1", "1::", "1:0::", "::ffff:1.2.3.4",
                        "::FFFF:1.2.3.4", "2001:db8::1", "2001:DB8::1", "2001:0db8::1", "2001:db8:0:0:1::1",
                        "2001:db8::1:0:0:1", "1:2:3:4:5:6:7::", "1:2:3:4:5:6::8", ":::", "1:::2", "fe80::1%eth0"));
        Arbitrary<String> other = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("", "unknown", "-", "localhost", "١.٢.٣.٤", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1..2.3"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, ipv4), net.jqwik.api.Tuple.of(2, oddIpv4),
                net.jqwik.api.Tuple.of(2, canonicalIpv6), net.jqwik.api.Tuple.of(1, expandedIpv6),
                net.jqwik.api.Tuple.of(2, oddIpv6), net.jqwik.api.Tuple.of(2, other));
    }

    /** The dotted-quad text of a 32-bit address. */
    static String dotted(int bits) {
        return (bits >>> 24) + "." + ((bits >>> 16) & 255) + "." + ((bits >>> 8) & 255) + "." + (bits & 255);
    }

    static String expanded(int[] groups) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            text.append(i == 0 ? "" : ":").append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** RFC 5952 zero compression of an expanded text, written independently of the class under test. */
    static String compress(String expanded) {
        String padded = ":" + expanded + ":";
        for (int run = 8; run >= 2; run--) {
            String zeros = ":" + "0:".repeat(run);
            int at = padded.indexOf(zeros);
            if (at >= 0) {
                String compressed = padded.substring(0, at) + "::" + padded.substring(at + zeros.length());
                return compressed.replaceAll("^:(?!:)", "").replaceAll("(?<!:):$", "");
            }
        }
        return expanded;
    }
}
