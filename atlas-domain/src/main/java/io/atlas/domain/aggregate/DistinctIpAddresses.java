package io.atlas.domain.aggregate;

import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.cursors.IntCursor;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import org.roaringbitmap.ContainerPointer;
import org.roaringbitmap.RoaringBitmap;

/**
 * The exact set of a day's distinct {@code ip_address} strings (SPEC §4 {@code unique_ips}), kept compact: a
 * canonical dotted-quad IPv4 text as its 32 bits in a primitive open-addressing set (HPPC's {@link IntHashSet}, 5-11
 * bytes an address), a canonical IPv6 text as its 128 bits in an open-addressing table, and every other string as
 * itself. A string has one way in (see {@link IpAddressText}) and each way is lossless, so the size is the number of
 * distinct strings, exactly as a {@code HashSet<String>} would count them: {@code "::1"} and
 * {@code "0:0:0:0:0:0:0:1"} stay two. The heap estimate is known in constant time, so a budget check costs nothing.
 *
 * <p>A set that outgrows its budget can be made denser first ({@link #compact(long)}): its IPv4 addresses move into
 * a {@link RoaringBitmap} (2.6-3.0 bytes an address on a uniformly random day of 5-10M, against the hash set's 4-8,
 * and far less on a clustered one), and the addresses added afterwards wait in a buffer that is sorted and merged
 * into the bitmap whenever it fills: a random address costs Roaring an insertion into a small sorted array, ten
 * times the hash set's add, but a sorted batch merges container by container. So a day whose addresses only fit as
 * bits is counted in the same read instead of again in ranges of shares ({@link IpShare}). After {@code compact}
 * the set's estimate moves only when the buffer is merged, and {@link #add} answers {@code true} for an IPv4 address
 * it cannot yet tell apart from a new one.
 *
 * <p>Not thread-safe.
 */
public final class DistinctIpAddresses implements Serializable {
    private static final long serialVersionUID = 2L;
    /** Heap of one other string beyond its characters: the String, its array and a HashSet entry. */
    private static final long BYTES_PER_STRING = 96;

    /** The most IPv4 addresses waiting to be merged into the bitmap: 1 MiB. */
    private static final int MAX_PENDING = 1 << 18;
    private static final int MIN_PENDING = 1 << 10;
    /** A container's heap beyond the bytes Roaring counts for it: the object, its array's header and slack. */
    private static final int BYTES_PER_CONTAINER = 32;
    /**
     * Heap of one waiting address: its {@code int}, and its share of the batch's own bitmap while it is merged (a
     * random batch is a container every few addresses).
     */
    private static final int BYTES_PER_PENDING = 16;

    /** The fewest addresses the buffer holds after {@link #compact}; tests lower it to cross many merges. */
    private final int minPending;

    private transient Ipv4Table ipv4 = new Ipv4Table();
    /** The most heap the hash set's table may take: before it doubles past this, the addresses move into the bitmap. */
    private long tableLimit = Long.MAX_VALUE;
    /** After {@link #compact}: the IPv4 addresses merged so far (the hash set is then empty and stays so). */
    private transient @org.jspecify.annotations.Nullable RoaringBitmap dense;
    /** The IPv4 addresses added since the last merge into {@link #dense}, repeats included. */
    private transient int[] pending = new int[0];
    private transient int pendingCount;
    /** The heap {@link #dense} took at its last merge. */
    private transient long denseBytes;
    /** Made at the first IPv6 address: most days have none, and a share of a few addresses cannot spare its table. */
    private @org.jspecify.annotations.Nullable LongPairSet ipv6;
    private final HashSet<String> others = new HashSet<>();
    private long otherChars;

    public DistinctIpAddresses() {
        this(MIN_PENDING);
    }

    DistinctIpAddresses(int minPending) {
        this.minPending = minPending;
    }

    /**
     * Adds one address text; true when it was not there yet (after {@link #compact}, an IPv4 address may answer true
     * though it was).
     */
    public boolean add(String ip) {
        long v4 = IpAddressText.ipv4(ip);
        if (v4 >= 0) {
            return addIpv4((int) v4);
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
     * yet, as {@link #add(String)} answers. The same as {@link #add(String)} of the decoded text, with no
     * {@code String} for an IPv4 address.
     */
    public boolean add(byte[] text, int offset, int length) {
        long v4 = IpAddressText.ipv4(text, offset, length);
        return v4 >= 0 ? addIpv4((int) v4) : add(new String(text, offset, length, StandardCharsets.UTF_8));
    }

    private boolean addIpv4(int address) {
        if (dense == null) {
            if (ipv4.fullBeforeGrowth() && 2L * ipv4.keys.length * Integer.BYTES > tableLimit && !ipv4.contains(address)
                    && compact(tableLimit)) {
                return addIpv4(address);
            }
            return ipv4.add(address);
        }
        pending[pendingCount++] = address;
        if (pendingCount == pending.length) {
            merge();
        }
        return true;
    }

    /**
     * Keeps the hash set's table within {@code bytes}: when it would double past them, the IPv4 addresses are
     * {@link #compact compacted} within {@code bytes} first, so the larger table is never allocated (it and the
     * smaller one it is copied from would be three times the limit for a moment). A set too sparse to compact grows
     * as before.
     */
    public void limitTable(long bytes) {
        tableLimit = bytes;
    }

    /**
     * Moves the IPv4 addresses into their denser form, where every later one goes too, unless it would take more than
     * {@code budgetBytes} by itself; false if it did not move them (already there, or too sparse to fit).
     */
    public boolean compact(long budgetBytes) {
        if (dense != null || denseAtLeast() > budgetBytes) {
            return false;
        }
        toDense();
        return true;
    }

    /**
     * A lower bound of the bitmap's heap from the hash set alone: one container per distinct top 16 bits, and two bytes
     * an address. A sparse day (a few addresses to a container) takes more as bits than as a hash set; this says so
     * before a bitmap is built to find out.
     */
    private long denseAtLeast() {
        java.util.BitSet containers = new java.util.BitSet(1 << 16);
        for (IntCursor address : ipv4) {
            containers.set(address.value >>> 16);
        }
        return containers.cardinality() * (long) (BYTES_PER_CONTAINER + Short.BYTES) + ipv4.size() * (long) Short.BYTES
                + pendingCapacity() * (long) BYTES_PER_PENDING;
    }

    private int pendingCapacity() {
        return Math.max(Math.max(1, minPending), Math.min(MAX_PENDING, ipv4.size() / 8));
    }

    private void toDense() {
        pending = new int[pendingCapacity()];
        dense = new RoaringBitmap();
        for (IntCursor address : ipv4) {
            addIpv4(address.value);
        }
        ipv4 = new Ipv4Table();
        merge();
    }

    /**
     * Sorts the waiting addresses in place and merges them into the bitmap. In unsigned order, Roaring's own: the
     * batch then appends each new container after the last, where a signed order would insert half of them at the
     * front of its container array, one array copy each.
     */
    private void merge() {
        RoaringBitmap bitmap = dense;
        if (bitmap == null) {
            return;
        }
        if (pendingCount > 0) {
            for (int i = 0; i < pendingCount; i++) {
                pending[i] ^= Integer.MIN_VALUE;
            }
            Arrays.sort(pending, 0, pendingCount);
            for (int i = 0; i < pendingCount; i++) {
                pending[i] ^= Integer.MIN_VALUE;
            }
            RoaringBitmap batch = new RoaringBitmap();
            batch.addN(pending, 0, pendingCount);
            bitmap.or(batch);
            pendingCount = 0;
        }
        measure(bitmap);
    }

    private void measure(RoaringBitmap bitmap) {
        long containers = 0;
        for (ContainerPointer container = bitmap.getContainerPointer(); container.getContainer() != null;
                container.advance()) {
            containers++;
        }
        // Measured on 1M, 5M and 10M random addresses (heap after GC): 4.4, 14.2 and 26.3 MB, where this says 5.7,
        // 17.7 and 32.7; Roaring's own count, 2.4, 10.4 and 20.4, leaves out the containers' objects and the slack of
        // their arrays, which can be half again at densities between these.
        long counted = bitmap.getLongSizeInBytes();
        denseBytes = counted + counted / 2 + containers * BYTES_PER_CONTAINER;
    }

    /** Adds every address of {@code other} and returns this. */
    public DistinctIpAddresses addAll(DistinctIpAddresses other) {
        if (dense == null && other.dense == null) {
            ipv4.addAll(other.ipv4);
        } else {
            if (dense == null) {
                toDense();
            }
            other.merge();
            RoaringBitmap theirs = other.dense;
            if (theirs != null) {
                java.util.Objects.requireNonNull(dense).or(theirs);
            }
            for (IntCursor address : other.ipv4) {
                addIpv4(address.value);
            }
            merge();
        }
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
        merge();
        return ipv4.size() + (dense == null ? 0 : dense.getLongCardinality()) + (ipv6 == null ? 0 : ipv6.size()) + others.size();
    }

    /** The heap the set takes, for keeping it within a budget; constant time. */
    public long estimatedBytes() {
        // The tables themselves, as for the other sets: ramBytesAllocated() adds about 100 bytes of object headers
        // that no other part counts, which alone outgrew the smallest shares' budgets.
        long ipv4Bytes = ipv4.keys.length * (long) Integer.BYTES + denseBytes + pending.length * (long) BYTES_PER_PENDING;
        long ipv6Bytes = ipv6 == null ? 0 : ipv6.estimatedBytes();
        return ipv4Bytes + ipv6Bytes + others.size() * BYTES_PER_STRING + otherChars * 2;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        merge();
        out.writeObject(dense != null ? dense.toArray() : ipv4.toArray());
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        int[] addresses = (int[]) in.readObject();
        pending = new int[0];
        ipv4 = new Ipv4Table(addresses.length);
        for (int address : addresses) {
            ipv4.add(address);
        }
    }

    /** HPPC's set of 32-bit addresses, which says when its next new address would double its table. */
    private static final class Ipv4Table extends IntHashSet {
        Ipv4Table() {}

        Ipv4Table(int expectedElements) {
            super(expectedElements);
        }

        /** Whether adding one more address not yet in the set reallocates the table at twice its size. */
        boolean fullBeforeGrowth() {
            return assigned >= resizeAt;
        }
    }
}
