package io.atlas.domain.aggregate;

import java.io.Serializable;
import java.util.HashSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * The exact set of a day's distinct {@code ip_address} strings (SPEC §4 {@code unique_ips}), kept compact: a
 * canonical dotted-quad IPv4 text as its 32 bits in a {@link RoaringBitmap} (about 2 bytes an address), a canonical
 * IPv6 text as its 128 bits in an open-addressing table, and every other string as itself. A string has one way in
 * (see {@link IpAddressText}) and each way is lossless, so the size is the number of distinct strings, exactly as a
 * {@code HashSet<String>} would count them: {@code "::1"} and {@code "0:0:0:0:0:0:0:1"} stay two.
 *
 * <p>Uses only RoaringBitmap API that its 0.9 line (the one Spark 3.5 ships) has too. Not thread-safe.
 */
public final class DistinctIpAddresses implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Heap of one other string beyond its characters: the String, its array and a HashSet entry. */
    private static final long BYTES_PER_STRING = 96;

    private final RoaringBitmap ipv4 = new RoaringBitmap();
    private final LongPairSet ipv6 = new LongPairSet();
    private final HashSet<String> others = new HashSet<>();
    private long otherChars;
    /** The bitmap's size at its last measure, and the IPv4 addresses added since: for {@link #boundOfBytes()}. */
    private long ipv4BytesMeasured = ipv4.getSizeInBytes();
    private long ipv4AddedSinceMeasure;
    /** The most one new IPv4 address can add to the bitmap's size: two bytes in its container, or a new container. */
    private static final long MAX_BYTES_PER_IPV4 = 24;

    /** Adds one address text; true when it was not there yet. */
    public boolean add(String ip) {
        long v4 = IpAddressText.ipv4(ip);
        if (v4 >= 0) {
            if (ipv4.checkedAdd((int) v4)) {
                ipv4AddedSinceMeasure++;
                return true;
            }
            return false;
        }
        long[] v6 = IpAddressText.ipv6(ip);
        if (v6 != null) {
            return ipv6.add(v6[0], v6[1]);
        }
        if (others.add(ip)) {
            otherChars += ip.length();
            return true;
        }
        return false;
    }

    /** Adds every address of {@code other} and returns this. */
    public DistinctIpAddresses addAll(DistinctIpAddresses other) {
        ipv4.or(other.ipv4);
        ipv4AddedSinceMeasure += other.ipv4.getLongCardinality();
        ipv6.addAll(other.ipv6);
        for (String ip : other.others) {
            if (others.add(ip)) {
                otherChars += ip.length();
            }
        }
        return this;
    }

    public long size() {
        return ipv4.getLongCardinality() + ipv6.size() + others.size();
    }

    /** An estimate of the heap the set takes, for keeping it within a budget: walks the bitmap's containers. */
    public long estimatedBytes() {
        ipv4BytesMeasured = ipv4.getSizeInBytes();
        ipv4AddedSinceMeasure = 0;
        return ipv4BytesMeasured + ipv6.estimatedBytes() + others.size() * BYTES_PER_STRING + otherChars * 2;
    }

    /**
     * An upper bound of {@link #estimatedBytes()} in constant time: the bitmap's last measured size plus the most
     * the addresses added since can have grown it. A budget check walks the bitmap only when this bound passes the
     * budget, instead of every few thousand addresses.
     */
    public long boundOfBytes() {
        return ipv4BytesMeasured + ipv4AddedSinceMeasure * MAX_BYTES_PER_IPV4 + ipv6.estimatedBytes()
                + others.size() * BYTES_PER_STRING + otherChars * 2;
    }
}
