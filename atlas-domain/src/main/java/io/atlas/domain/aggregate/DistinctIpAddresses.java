package io.atlas.domain.aggregate;

import com.carrotsearch.hppc.IntHashSet;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;

/**
 * The exact set of a day's distinct {@code ip_address} strings (SPEC §4 {@code unique_ips}), kept compact: a
 * canonical dotted-quad IPv4 text as its 32 bits in a primitive open-addressing set (HPPC's {@link IntHashSet}, 5-11
 * bytes an address), a canonical IPv6 text as its 128 bits in an open-addressing table, and every other string as
 * itself. A string has one way in (see {@link IpAddressText}) and each way is lossless, so the size is the number of
 * distinct strings, exactly as a {@code HashSet<String>} would count them: {@code "::1"} and
 * {@code "0:0:0:0:0:0:0:1"} stay two. Every part knows its size in constant time, so a budget check costs nothing.
 *
 * <p>Not thread-safe.
 */
public final class DistinctIpAddresses implements Serializable {
    private static final long serialVersionUID = 2L;
    /** Heap of one other string beyond its characters: the String, its array and a HashSet entry. */
    private static final long BYTES_PER_STRING = 96;

    private transient IntHashSet ipv4 = new IntHashSet();
    /** Made at the first IPv6 address: most days have none, and a share of a few addresses cannot spare its table. */
    private @org.jspecify.annotations.Nullable LongPairSet ipv6;
    private final HashSet<String> others = new HashSet<>();
    private long otherChars;

    /** Adds one address text; true when it was not there yet. */
    public boolean add(String ip) {
        long v4 = IpAddressText.ipv4(ip);
        if (v4 >= 0) {
            return ipv4.add((int) v4);
        }
        long[] v6 = IpAddressText.ipv6(ip);
        if (v6 != null) {
            if (ipv6 == null) {
                ipv6 = new LongPairSet();
            }
            return ipv6.add(v6[0], v6[1]);
        }
        if (others.add(ip)) {
            otherChars += ip.length();
            return true;
        }
        return false;
    }

    /**
     * Adds one address given by its UTF-8 text, {@code length} bytes at {@code offset}; true when it was not there
     * yet. The same as {@link #add(String)} of the decoded text, with no {@code String} for an IPv4 address.
     */
    public boolean add(byte[] text, int offset, int length) {
        long v4 = IpAddressText.ipv4(text, offset, length);
        return v4 >= 0 ? ipv4.add((int) v4) : add(new String(text, offset, length, StandardCharsets.UTF_8));
    }

    /** Adds every address of {@code other} and returns this. */
    public DistinctIpAddresses addAll(DistinctIpAddresses other) {
        ipv4.addAll(other.ipv4);
        if (other.ipv6 != null) {
            if (ipv6 == null) {
                ipv6 = new LongPairSet();
            }
            ipv6.addAll(other.ipv6);
        }
        for (String ip : other.others) {
            if (others.add(ip)) {
                otherChars += ip.length();
            }
        }
        return this;
    }

    public long size() {
        return ipv4.size() + (ipv6 == null ? 0 : ipv6.size()) + others.size();
    }

    /** The heap the set takes, for keeping it within a budget; constant time. */
    public long estimatedBytes() {
        // The tables themselves, as for the other sets: ramBytesAllocated() adds about 100 bytes of object headers
        // that no other part counts, which alone outgrew the smallest shares' budgets.
        long ipv4Bytes = ipv4.keys.length * (long) Integer.BYTES;
        long ipv6Bytes = ipv6 == null ? 0 : ipv6.estimatedBytes();
        return ipv4Bytes + ipv6Bytes + others.size() * BYTES_PER_STRING + otherChars * 2;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeObject(ipv4.toArray());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int[] addresses = (int[]) in.readObject();
        ipv4 = new IntHashSet(addresses.length);
        for (int address : addresses) {
            ipv4.add(address);
        }
    }
}
