package io.atlas.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.LogIdHasher;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LogIdSetTest {
    private static final LogIdHasher HASHER = new LogIdHasher();

    @Property(tries = 50)
    void agreesWithAHashSetOfStrings(@ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 2000) Integer> events) {
        LogIdSet ids = new LogIdSet();
        Set<String> reference = new HashSet<>();
        for (int event : events) {
            String id = HASHER.logId(LogType.ACCESS, event, "ip", null, "GET", 200, null, null, "app");
            assertThat(ids.add(id)).isEqualTo(reference.add(id));
        }
        assertThat(ids.size()).isEqualTo(reference.size());
    }

    /** The all-zero tuple marks an empty slot, so ids made of zero words (and the zero id itself) must still count. */
    @Property(tries = 100)
    void idsWithZeroWordsAgreeWithAHashSetAcrossGrowth(@ForAll @Size(max = 4000) List<@IntRange(min = 0, max = 3000) Integer> events) {
        LogIdSet ids = new LogIdSet();
        Set<String> reference = new HashSet<>();
        String zero = "0".repeat(16);
        for (int event : events) {
            String word = String.format("%016x", (long) event);
            String id = switch (event % 4) {
                case 0 -> zero.repeat(4);
                case 1 -> zero + word + zero + zero;
                case 2 -> word + zero + zero + zero;
                default -> zero + zero + zero + word;
            };
            assertThat(ids.add(id)).as(id).isEqualTo(reference.add(id));
        }
        assertThat(ids.size()).isEqualTo(reference.size());
    }

    @Property(tries = 100)
    void pairsWithZeroHalvesAgreeWithAHashSetAcrossGrowthAndMerge(@ForAll @Size(max = 3000) List<@IntRange(min = -1000, max = 1000) Integer> values) {
        LongPairSet pairs = new LongPairSet();
        LongPairSet other = new LongPairSet();
        Set<List<Long>> reference = new HashSet<>();
        for (int v : values) {
            long high = v % 3 == 0 ? 0 : v;
            long low = v % 2 == 0 ? 0 : -v;
            assertThat(pairs.add(high, low)).isEqualTo(reference.add(List.of(high, low)));
            other.add(low, high);
        }
        assertThat(pairs.size()).isEqualTo(reference.size());
        other.forEachSlot(base -> reference.add(List.of(other.slots[base], other.slots[base + 1])));
        if (other.hasZero) {
            reference.add(List.of(0L, 0L));
        }
        pairs.addAll(other);
        assertThat(pairs.size()).isEqualTo(reference.size());
    }

    @org.junit.jupiter.api.Test
    void upperAndLowerCaseHexAreOneIdAndOtherCharactersAreRefused() {
        LogIdSet ids = new LogIdSet();
        String id = "0123456789abcdef".repeat(4);

        assertThat(ids.add(id)).isTrue();
        assertThat(ids.add(id.toUpperCase(java.util.Locale.ROOT))).isFalse();
        for (String bad : List.of("g", "G", "-", " ", "\u00e9", "/", ":", "@", "`")) {
            String invalid = id.substring(0, 40) + bad + id.substring(41);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ids.add(invalid))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 200)
    void aWordIsTheValueOfItsSixteenHexCharactersInEitherCase(@ForAll long value, @ForAll boolean upper, @ForAll @IntRange(max = 8) int offset) {
        String text = String.format("%016x", value);
        if (upper) {
            text = text.toUpperCase(java.util.Locale.ROOT);
        }
        byte[] bytes = new byte[offset + 16];
        System.arraycopy(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bytes, offset, 16);

        assertThat(LogIdSet.word(bytes, offset)).isEqualTo(value);
    }

    @org.junit.jupiter.api.Test
    void everyByteThatIsNotAHexDigitIsRefusedAtEveryPosition() {
        byte[] word = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int b = 0; b < 256; b++) {
            boolean hex = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
            for (int position = 0; position < 16; position++) {
                byte[] bytes = word.clone();
                bytes[position] = (byte) b;
                if (hex) {
                    assertThat(LogIdSet.word(bytes, 0)).isEqualTo(Long.parseUnsignedLong(new String(bytes,
                            java.nio.charset.StandardCharsets.US_ASCII), 16));
                } else {
                    int at = position;
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogIdSet.word(bytes, 0))
                            .as("byte %d at %d", b, at).isInstanceOf(IllegalArgumentException.class);
                }
            }
        }
    }

    /**
     * A presized table holds its ids without growing, in at most {@link ConcurrentLogIdSet#BYTES_PER_ID} bytes an
     * id (past the smallest table), whatever the count: no power of two to round up to. It agrees with a grown one.
     */
    @Property(tries = 30)
    void aPresizedSetHoldsItsIdsWithoutGrowingAndAgreesWithAGrownOne(@ForAll @IntRange(min = 0, max = 20_000) int n) {
        LogIdSet grown = new LogIdSet();
        LogIdSet sized = new LogIdSet(n);
        long sizedBytes = sized.estimatedBytes();
        for (int event = 0; event < n; event++) {
            String id = HASHER.logId(LogType.ACCESS, event, "ip", null, "GET", 200, null, null, "app");
            assertThat(sized.add(id)).isEqualTo(grown.add(id)).isTrue();
        }
        assertThat(sized.size()).isEqualTo(grown.size()).isEqualTo(n);
        assertThat(sized.estimatedBytes()).isEqualTo(sizedBytes);
        if (n > 2_000) {
            assertThat(sizedBytes).isLessThanOrEqualTo(n * ConcurrentLogIdSet.BYTES_PER_ID);
        }
    }

    /** Tables of any number of slots, full to their load, lose no id and find every one again. */
    @Property(tries = 40)
    void aTableOfAnySizeFindsEveryIdAgain(@ForAll @IntRange(min = 1, max = 9_000) int n) {
        LogIdSet ids = new LogIdSet(n);
        for (int event = 0; event < n; event++) {
            assertThat(ids.add(HASHER.logId(LogType.ACCESS, event, "ip", null, "GET", 200, null, null, "app"))).isTrue();
        }
        for (int event = 0; event < n; event++) {
            assertThat(ids.add(HASHER.logId(LogType.ACCESS, event, "ip", null, "GET", 200, null, null, "app"))).isFalse();
        }
        assertThat(ids.size()).isEqualTo(n);
    }

    @org.junit.jupiter.api.Test
    void aSizedConcurrentSetPresizesOnlyItsPassesStripesAndCountsExactly() {
        ConcurrentLogIdSet ids = ConcurrentLogIdSet.sized(64_000, 4, 1);
        long bytes = ids.estimatedBytes();
        // 1,000 ids a stripe, 1,127 with room: 1,610 slots (at a load of 0.7) of 32 bytes in the pass's 16 stripes,
        // 1,024 in the 48 others
        assertThat(bytes).isEqualTo(16 * 1610 * 32L + 48 * 1024 * 32L);
        int added = 0;
        for (int event = 0; event < 64_000; event++) {
            String id = HASHER.logId(LogType.ACCESS, event, "ip", null, "GET", 200, null, null, "app");
            long first = ConcurrentLogIdSet.word(id.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
            if (DistinctEvents.passOf(first, 4) == 1) {
                assertThat(ids.add(id)).isTrue();
                assertThat(ids.add(id)).isFalse();
                added++;
            }
        }
        assertThat(ids.size()).isEqualTo(added);
        assertThat(ids.estimatedBytes()).isEqualTo(bytes);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConcurrentLogIdSet.sized(10, 4, 4))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ConcurrentLogIdSet.sized(-1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A batch answers id by id as adding them one at a time would: repeats within the batch, zero words and all. */
    @Property(tries = 60)
    void aBatchAnswersAsAddingItsIdsOneByOne(@ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 400) Integer> events,
            @ForAll @IntRange(min = 1, max = 700) int batch) {
        ConcurrentLogIdSet batched = new ConcurrentLogIdSet();
        ConcurrentLogIdSet single = new ConcurrentLogIdSet();
        long[] words = new long[batch * 4];
        boolean[] added = new boolean[batch];
        for (int from = 0; from < events.size(); from += batch) {
            int count = Math.min(batch, events.size() - from);
            boolean[] expected = new boolean[count];
            for (int i = 0; i < count; i++) {
                int event = events.get(from + i);
                // a zero id, ids sharing words and stripes, and hashed ones
                long a = event % 7 == 0 ? 0 : (long) (event % 5) << 58 | event;
                long d = event % 3 == 0 ? 0 : event * 31L;
                System.arraycopy(new long[] {a, 0, event % 2, d}, 0, words, i * 4, 4);
                expected[i] = single.add(a, 0, event % 2, d);
            }
            batched.addAll(words, count, added, new int[batch]);
            assertThat(java.util.Arrays.copyOf(added, count)).isEqualTo(expected);
        }
        assertThat(batched.size()).isEqualTo(single.size());
    }
}
