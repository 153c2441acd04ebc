package io.atlas.domain.aggregate;

import java.nio.charset.StandardCharsets;

/**
 * Recognises the texts of IP addresses that have exactly one spelling, so that storing the address's bits instead of
 * the text loses nothing: canonical dotted-quad IPv4 ({@code 10.0.0.1}, no leading zeros, no spaces) and the
 * RFC 5952 form of IPv6 (lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}, no
 * embedded dotted quad). Any other text, however close to an address ({@code 010.0.0.1}, {@code 0:0:0:0:0:0:0:1},
 * {@code ::FFFF:1.2.3.4}), is not recognised and is counted by its exact string.
 */
final class IpAddressText {
    private IpAddressText() {}

    /** The address as an unsigned 32-bit value when {@code text} is canonical dotted-quad IPv4, else -1. */
    static long ipv4(String text) {
        int length = text.length();
        // Any character beyond Latin-1 becomes '?', which no address has.
        return length < 7 || length > 15 ? -1 : ipv4(text.getBytes(StandardCharsets.ISO_8859_1), 0, length);
    }

    /**
     * The address as an unsigned 32-bit value when the UTF-8 text of {@code length} bytes at {@code offset} is
     * canonical dotted-quad IPv4, else -1 (a byte of a multi-byte character is neither a digit nor a dot).
     */
    static long ipv4(byte[] text, int offset, int length) {
        if (length < 7 || length > 15) {
            return -1;
        }
        long value = 0;
        int dots = 0;
        int digits = 0;
        int octet = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            int c = text[i];
            if (c == '.') {
                if (digits == 0 || dots == 3) {
                    return -1;
                }
                value = (value << 8) | octet;
                dots++;
                digits = 0;
                octet = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && octet == 0) {
                    return -1; // a leading zero: "01" is another spelling of "1"
                }
                octet = octet * 10 + (c - '0');
                digits++;
                if (octet > 255) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        return digits == 0 || dots != 3 ? -1 : (value << 8) | octet;
    }

    /**
     * The address's 128 bits as {@code {high, low}} when {@code text} is an IPv6 address in its RFC 5952 canonical
     * form, else null.
     */
    static long @org.jspecify.annotations.Nullable [] ipv6(String text) {
        int length = text.length();
        if (length < 2 || length > 39 || text.indexOf(':') < 0) {
            return null;
        }
        int[] groups = groups(text);
        if (groups == null || !canonical(groups).equals(text)) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new long[] {high, low};
    }

    /** The eight groups of a colon-hex text with at most one {@code ::}, lower-case hex only; null if it is not one. */
    private static int @org.jspecify.annotations.Nullable [] groups(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = gap < 0 ? parts(text) : parts(text.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : parts(text.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        if (gap < 0 ? head.length != 8 : head.length + tail.length > 7) {
            return null;
        }
        int[] groups = new int[8];
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        return groups;
    }

    private static int @org.jspecify.annotations.Nullable [] parts(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        if (parts.length > 8) {
            return null;
        }
        int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int j = 0; j < part.length(); j++) {
                char c = part.charAt(j);
                int nibble = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (nibble < 0) {
                    return null;
                }
                value = (value << 4) | nibble;
            }
            values[i] = value;
        }
        return values;
    }

    /** RFC 5952 section 4: the first longest run of at least two zero groups becomes {@code ::}. */
    private static String canonical(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
