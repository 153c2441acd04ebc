package io.atlas.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Shares of a day's addresses are disjoint and add up to its distinct addresses; a full share says so. */
class IpShareTest {

    @Provide
    Arbitrary<String> ip() {
        return IpAddressStrings.any();
    }

    @Provide
    Arbitrary<Integer> shares() {
        return Arbitraries.of(1, 2, 4, 8, 64, IpShare.MAX_SHARES);
    }

    @Property(tries = 200)
    void sharesAddUpToTheDistinctAddresses(@ForAll @Size(max = 400) List<@From("ip") String> ips,
            @ForAll("shares") int shares, @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 4) int scanners) {
        long total = 0;
        for (int share = 0; share < shares; share++) {
            IpShare merged = new IpShare(shares, share, Long.MAX_VALUE);
            for (int s = 0; s < scanners; s++) {
                IpShare scanner = new IpShare(shares, share, Long.MAX_VALUE);
                for (int i = s; i < ips.size(); i += scanners) {
                    scanner.add(ips.get(i));
                }
                merged.merge(scanner);
            }
            total += merged.count();
        }
        assertThat(total).isEqualTo(new HashSet<>(ips).size());
    }

    /** Ranges of consecutive shares that cut the share space count the day's addresses once each. */
    @Property(tries = 100)
    void rangesOfSharesAddUpToTheDistinctAddresses(@ForAll @Size(max = 400) List<@From("ip") String> ips,
            @ForAll @Size(max = 6) List<@net.jqwik.api.constraints.IntRange(min = 1, max = IpShare.MAX_SHARES - 1) Integer> cuts) {
        java.util.TreeSet<Integer> bounds = new java.util.TreeSet<>(cuts);
        bounds.add(0);
        bounds.add(IpShare.MAX_SHARES);
        long total = 0;
        Integer from = bounds.first();
        for (Integer to : bounds.tailSet(from, false)) {
            IpShare range = new IpShare(IpShare.MAX_SHARES, from, to, Long.MAX_VALUE);
            ips.forEach(range::add);
            total += range.count();
            from = to;
        }
        assertThat(total).isEqualTo(new HashSet<>(ips).size());
    }

    /** A share that outgrew its budget says into how many parts to cut it, and parts that many fit. */
    @Test
    void anOverflowedShareSaysHowManyPartsFit() {
        List<String> ips = new java.util.ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            int bits = i * 0x9E3779B1; // spread over the whole space: too sparse for the denser form to fit either
            ips.add(IpAddressStrings.dotted(bits));
        }
        IpShare all = new IpShare(1, 0, 300_000);
        ips.forEach(all::add);
        IpShare fits = new IpShare(1, 0, Long.MAX_VALUE);
        ips.forEach(fits::add);
        assertThat(fits.partsToFit()).isEqualTo(1);
        assertThat(all.overflowed()).isTrue();

        int parts = all.partsToFit();
        assertThat(parts).isBetween(4, 64);
        long total = 0;
        for (int part = 0; part < parts; part++) {
            int width = IpShare.MAX_SHARES / parts;
            IpShare range = new IpShare(IpShare.MAX_SHARES, part * width, (part + 1) * width, 300_000);
            ips.forEach(range::add);
            assertThat(range.overflowed()).isFalse();
            total += range.count();
        }
        assertThat(total).isEqualTo(200_000);

        IpShare worker = new IpShare(1, 0, 300_000);
        ips.subList(0, 100_000).forEach(worker::add);
        assertThat(new IpShare(1, 0, 300_000).merge(all).merge(worker).partsToFit()).isEqualTo(parts);
    }

    /** An address's share is the same whether it comes as a text or as its UTF-8 bytes amid others. */
    @Property(tries = 200)
    void bytesHaveTheShareOfTheirText(@ForAll @From("ip") String ip, @ForAll("shares") int shares) {
        byte[] page = ("1" + ip + "\u00e9").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String decoded = new String(page, 1, page.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(IpShare.shareOf(page, 1, page.length - 3, shares)).isEqualTo(IpShare.shareOf(decoded, shares));
    }

    /**
     * Texts whose {@link String#hashCode()} is equal (runs of NULs of any length; every mix of "Aa" and "BB") still
     * spread over the shares, so a day made of them can be split until each share fits a small budget.
     */
    @Test
    void textsWithOneStringHashSpreadOverTheShares() {
        List<String> colliding = new java.util.ArrayList<>();
        for (int length = 0; length <= 6; length++) {
            colliding.add("\0".repeat(length));
        }
        for (int mix = 0; mix < 1 << 6; mix++) {
            StringBuilder text = new StringBuilder();
            for (int bit = 0; bit < 6; bit++) {
                text.append((mix >> bit & 1) == 0 ? "Aa" : "BB");
            }
            colliding.add(text.toString());
        }
        assertThat(colliding.subList(7, colliding.size()).stream().mapToInt(String::hashCode).distinct().count())
                .isEqualTo(1);

        int shares = 64;
        assertThat(colliding.stream().mapToInt(ip -> IpShare.shareOf(ip, shares)).distinct().count())
                .isGreaterThan(30);
        long total = 0;
        for (int share = 0; share < IpShare.MAX_SHARES; share++) {
            IpShare counter = new IpShare(IpShare.MAX_SHARES, share, 500);
            colliding.forEach(counter::add);
            total += counter.count();
        }
        assertThat(total).isEqualTo(colliding.size());
    }

    @Test
    void aShareThatOutgrowsItsBudgetGivesUpItsAddressesAndSaysSo() {
        IpShare share = new IpShare(1, 0, 1_000);
        for (int i = 0; i < 500; i++) {
            share.add("host-" + i);
        }
        assertThat(share.overflowed()).isTrue();
        assertThatThrownBy(share::count).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("count the day in more shares");

        IpShare other = new IpShare(1, 0, Long.MAX_VALUE);
        other.add("1.2.3.4");
        assertThat(other.merge(share).overflowed()).isTrue();
    }

    /** A subnet's 200,000 clients outgrow 300 KB as a hash set (over 1 MB) but not as bits: counted in one read. */
    @Test
    void addressesThatFitOnlyInTheirDenserFormAreCountedWithoutMoreShares() {
        IpShare share = new IpShare(1, 0, 300_000);
        IpShare bytes = new IpShare(1, 0, 300_000);
        for (int i = 0; i < 200_000; i++) {
            String ip = "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255);
            share.add(ip);
            share.add(ip);
            byte[] text = ip.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            bytes.add(text, 0, text.length);
        }
        assertThat(share.overflowed()).isFalse();
        assertThat(share.count()).isEqualTo(200_000);
        assertThat(share.partsToFit()).isEqualTo(1);
        assertThat(bytes.merge(share).count()).isEqualTo(200_000);
    }

    /**
     * Public-site clients that fit as bits at first (the hash set outgrows 8 MB at 786,432 addresses, the bitmap
     * takes about 6.6 MB then) and outgrow the budget even so: the share overflows, says into how many parts to cut
     * it, and parts that many fit.
     */
    @Test
    void addressesThatOutgrowTheirDenserFormSayHowManyPartsFit() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        int[] addresses = random.ints(1_800_000).toArray();
        long budget = 8_000_000;
        IpShare all = new IpShare(1, 0, budget);
        for (int bits : addresses) {
            add(all, bits);
        }
        assertThat(all.overflowed()).isTrue();
        int parts = all.partsToFit();
        assertThat(parts).isEqualTo(2);
        long total = 0;
        for (int part = 0; part < parts; part++) {
            int width = IpShare.MAX_SHARES / parts;
            IpShare range = new IpShare(IpShare.MAX_SHARES, part * width, (part + 1) * width, budget);
            for (int bits : addresses) {
                add(range, bits);
            }
            assertThat(range.overflowed()).as("part %d of %d", part, parts).isFalse();
            total += range.count();
        }
        assertThat(total).isEqualTo(java.util.Arrays.stream(addresses).distinct().count());
    }

    private static void add(IpShare share, int bits) {
        byte[] text = IpAddressStrings.dotted(bits).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        share.add(text, 0, text.length);
    }

    @Test
    void aShareWithinItsBudgetKeepsCounting() {
        IpShare share = new IpShare(1, 0, 10_000_000);
        for (int i = 0; i < 20_000; i++) {
            share.add("10.0." + (i >> 8) + "." + (i & 255));
        }
        assertThat(share.overflowed()).isFalse();
        assertThat(share.count()).isEqualTo(20_000);
    }

    @Test
    void onlySharesOfOnePlanMerge() {
        assertThatThrownBy(() -> new IpShare(4, 1, 10).merge(new IpShare(4, 2, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Cannot merge share 2 of 4 into share 1 of 4");
        assertThatThrownBy(() -> new IpShare(4, 1, 10).merge(new IpShare(2, 1, 10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharesArePowersOfTwoUpToTheMaximum() {
        for (int[] bad : new int[][] {{0, 0}, {3, 0}, {IpShare.MAX_SHARES * 2, 0}, {4, 4}, {4, -1}}) {
            assertThatThrownBy(() -> new IpShare(bad[0], bad[1], 1)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new IpShare(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        for (int[] bad : new int[][] {{4, 2, 2}, {4, 3, 1}, {4, -1, 2}, {4, 0, 5}}) {
            assertThatThrownBy(() -> new IpShare(bad[0], bad[1], bad[2], 1)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new IpShare(8, 0, 4, 10).merge(new IpShare(8, 0, 2, 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Cannot merge shares 0 to 1 of 8 into shares 0 to 3 of 8");
    }
}
