package io.atlas.domain.aggregate;

import java.nio.charset.StandardCharsets;

/**
 * The distinct {@code ip_address}es of one share of a day, within a memory budget. A day whose addresses do not fit
 * in memory at once is counted in shares: share {@code s} of {@code n} holds only the addresses whose
 * {@link #shareOf share} is {@code s}, so the shares are disjoint and their counts add up to the day's. No
 * deduplication by {@code log_id} is needed for this count: rows that share a {@code log_id} share their content,
 * the address included. When the addresses of its share outgrow {@code budgetBytes}, they are first made denser
 * ({@link DistinctIpAddresses#compact(long)}); if they still do, the instance drops them and reports
 * {@link #overflowed()}: the day must then be counted in more shares. One instance can also count a range of
 * consecutive shares at once ({@link #IpShare(int, int, int, long)}), so that a day counted apart reads its files
 * once per range that fits rather than once per share. Not thread-safe.
 */
public final class IpShare {
    /** The most shares a day can be counted in. */
    public static final int MAX_SHARES = 1 << 12;

    private final int shares;
    private final int share;
    private final int to;
    private final long budgetBytes;
    private DistinctIpAddresses ips = new DistinctIpAddresses();
    private boolean overflowed;
    /** Addresses of the range given to {@link #add}, after an overflow too: how far past the budget it went. */
    private long added;
    private long addedAtOverflow;
    /** The largest growth past the budget of the other scanners merged into this one (its own: {@link #growth()}). */
    private double mergedGrowth = 1;

    /** Every address in one share, without a budget. */
    public IpShare() {
        this(1, 0, Long.MAX_VALUE);
    }

    /**
     * @param shares a power of two from 1 to {@link #MAX_SHARES}
     * @param share the share this instance counts, 0 to {@code shares - 1}
     */
    public IpShare(int shares, int share, long budgetBytes) {
        this(shares, share, share + 1, budgetBytes);
    }

    /**
     * The addresses of shares {@code from} to {@code to - 1} of {@code shares}, counted as one.
     *
     * @param shares a power of two from 1 to {@link #MAX_SHARES}
     */
    public IpShare(int shares, int from, int to, long budgetBytes) {
        if (shares < 1 || shares > MAX_SHARES || Integer.bitCount(shares) != 1 || from < 0 || to <= from || to > shares) {
            throw new IllegalArgumentException("Invalid share " + (to - from == 1 ? from : from + " to " + (to - 1))
                    + " of " + shares);
        }
        if (budgetBytes < 1) {
            throw new IllegalArgumentException("budgetBytes must be positive, got " + budgetBytes);
        }
        this.shares = shares;
        this.share = from;
        this.to = to;
        this.budgetBytes = budgetBytes;
        ips.limitTable(budgetBytes);
    }

    /**
     * The share of {@code ip} among {@code shares} (a power of two): a 64-bit hash of its UTF-8 bytes and their
     * number. Not {@link String#hashCode()}: texts that collide there ({@code "Aa"} and {@code "BB"}; {@code ""},
     * {@code "\0"} and {@code "\0\0"}) would share a share however many there are, so a day made of them could
     * never be split to fit its budget.
     */
    public static int shareOf(String ip, int shares) {
        int length = ip.length();
        long hash = seed(length);
        for (int i = 0; i < length; i++) {
            char c = ip.charAt(i);
            if (c >= 0x80) {
                byte[] text = ip.getBytes(StandardCharsets.UTF_8);
                return shareOf(text, 0, text.length, shares);
            }
            hash = step(hash, c);
        }
        return share(hash, shares);
    }

    /**
     * The share of the address whose UTF-8 text is {@code length} bytes at {@code offset}: the same as
     * {@link #shareOf(String, int)} of the decoded text.
     */
    public static int shareOf(byte[] text, int offset, int length, int shares) {
        long hash = seed(length);
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = step(hash, text[i] & 0xff);
        }
        return share(hash, shares);
    }

    private static long seed(int length) {
        return 0x165667B19E3779F9L + length * 0xC2B2AE3D27D4EB4FL;
    }

    private static long step(long hash, int b) {
        return (hash ^ b) * 0x9E3779B97F4A7C15L;
    }

    /** The top bits of the hash after MurmurHash3's 64-bit finalizer, which spreads every input bit over them. */
    private static int share(long hash, int shares) {
        long h = hash;
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (int) (h >>> 40) & (shares - 1);
    }

    private boolean outside(int ipShare) {
        return ipShare < share || ipShare >= to;
    }

    /** Adds an address if it is in this share (or range of shares). */
    public void add(String ip) {
        if (shares > 1 && outside(shareOf(ip, shares))) {
            return;
        }
        added++;
        if (!overflowed && ips.add(ip)) {
            checkBudget();
        }
    }

    /** Adds an address given by its UTF-8 text, {@code length} bytes at {@code offset}, if it is in this range. */
    public void add(byte[] text, int offset, int length) {
        if (shares > 1 && outside(shareOf(text, offset, length, shares))) {
            return;
        }
        added++;
        if (!overflowed && ips.add(text, offset, length)) {
            checkBudget();
        }
    }

    /** Over the budget, the addresses are first made denser if that fits ({@link DistinctIpAddresses#compact}), else dropped. */
    private void checkBudget() {
        if (ips.estimatedBytes() > budgetBytes && !(ips.compact(budgetBytes) && ips.estimatedBytes() <= budgetBytes)) {
            overflow();
        }
    }

    /** Adds the addresses another scanner of the same share (or range) found; returns this. */
    public IpShare merge(IpShare other) {
        if (other.shares != shares || other.share != share || other.to != to) {
            throw new IllegalArgumentException("Cannot merge " + other.name() + " into " + name());
        }
        mergedGrowth = Math.max(mergedGrowth, Math.max(other.mergedGrowth, other.growth()));
        if (other.overflowed) {
            overflow();
        } else if (!overflowed) {
            ips.addAll(other.ips);
        }
        return this;
    }

    /**
     * Into how many parts (a power of two, at least 2 once the budget was outgrown, else 1) this range should be cut
     * so that each fits the budget: from how many more addresses each scanner was given after it outgrew the budget
     * than before (an upper bound on how far past it the distinct ones went), with a quarter to spare.
     */
    public int partsToFit() {
        if (!overflowed) {
            return 1;
        }
        double growth = Math.max(mergedGrowth, growth());
        int parts = 2;
        while (parts < MAX_SHARES && parts < growth * 1.25) {
            parts *= 2;
        }
        return parts;
    }

    private double growth() {
        return addedAtOverflow == 0 ? 1 : (double) added / addedAtOverflow;
    }

    /** Whether the share's addresses outgrew the budget (and were dropped). */
    public boolean overflowed() {
        return overflowed;
    }

    /** The number of distinct addresses in this share. */
    public long count() {
        if (overflowed) {
            throw new IllegalStateException(Character.toUpperCase(name().charAt(0)) + name().substring(1)
                    + " outgrew its budget of "
                    + budgetBytes + " bytes: count the day in more shares");
        }
        return ips.size();
    }

    private String name() {
        return (to - share == 1 ? "share " + share : "shares " + share + " to " + (to - 1)) + " of " + shares;
    }

    private void overflow() {
        if (!overflowed) {
            addedAtOverflow = added;
        }
        overflowed = true;
        ips = new DistinctIpAddresses();
    }
}
