package io.atlas.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.LogIdHasher;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Parts of a day scanned by several threads against one id set give the row one scan gives. */
class DistinctEventsTest {
    private static final LogIdHasher HASHER = new LogIdHasher();
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);
    private static final String[] IPS = {"1.1.1.1", "2.2.2.2", "3.3.3.3"};
    private static final int[] STATUSES = {200, 404, 500, 503};

    private record Event(LogType type, String id, int status, String ip) {}

    private static Event event(int n) {
        LogType type = n % 5 == 0 ? LogType.ERROR : LogType.ACCESS;
        int status = STATUSES[n % STATUSES.length];
        String ip = IPS[n % IPS.length];
        return new Event(type, HASHER.logId(type, n, ip, null, "GET", status, null, null, "app"), status, ip);
    }

    @Property(tries = 40)
    void partsScannedInParallelGiveTheRowOfOneScan(
            @ForAll @Size(max = 4000) List<@IntRange(min = 0, max = 1500) Integer> rows,
            @ForAll @IntRange(min = 1, max = 6) int parts) throws Exception {
        List<Event> events = rows.stream().map(DistinctEventsTest::event).toList(); // the hasher is one thread's
        DistinctEvents whole = new DistinctEvents();
        events.forEach(e -> add(whole, e));

        ConcurrentLogIdSet ids = new ConcurrentLogIdSet();
        ExecutorService pool = Executors.newFixedThreadPool(parts);
        try {
            List<Future<DistinctEvents>> scans = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int part = p;
                scans.add(pool.submit(() -> {
                    DistinctEvents scanned = new DistinctEvents(ids);
                    for (int i = part; i < events.size(); i += parts) {
                        add(scanned, events.get(i));
                    }
                    return scanned;
                }));
            }
            DistinctEvents merged = new DistinctEvents(ids);
            for (Future<DistinctEvents> scan : scans) {
                merged.merge(scan.get());
            }
            DailyActivity expected = whole.result(DAY, 3);
            assertThat(merged.result(DAY, 3)).isEqualTo(expected);
            assertThat(ids.size()).isEqualTo(rows.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }
    }

    @Property(tries = 40)
    void passesOverSharesOfTheIdsGiveTheRowOfOnePass(
            @ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 1500) Integer> rows,
            @ForAll("passes") int passes) {
        List<Event> events = rows.stream().map(DistinctEventsTest::event).toList();
        DistinctEvents whole = oneScan(events);

        DistinctEvents merged = new DistinctEvents();
        for (int pass = 0; pass < passes; pass++) {
            DistinctEvents share = new DistinctEvents(new ConcurrentLogIdSet(), passes, pass);
            events.forEach(e -> add(share, e));
            merged.merge(share);
        }

        assertThat(merged.result(DAY, 0)).isEqualTo(whole.result(DAY, 0));
    }

    /**
     * The first pass keeps its own share and counts every other row ahead; each later pass is given only its rows
     * and takes back the repeats: merged, the row of one pass.
     */
    @Property(tries = 40)
    void rowsCountedAheadAndCheckedByTheirPassGiveTheRowOfOnePass(
            @ForAll @Size(max = 3000) List<@IntRange(min = 0, max = 1500) Integer> rows,
            @ForAll("passes") int passes) {
        List<Event> events = rows.stream().map(DistinctEventsTest::event).toList();
        DistinctEvents whole = oneScan(events);

        DistinctEvents first = new DistinctEvents(new ConcurrentLogIdSet(), passes, 0, new IpShare(1, 0, Long.MAX_VALUE));
        List<List<Event>> later = new ArrayList<>();
        for (int pass = 0; pass < passes; pass++) {
            later.add(new ArrayList<>());
        }
        for (Event e : events) {
            int pass = DistinctEvents.passOf(ConcurrentLogIdSet.word(e.id().getBytes(StandardCharsets.US_ASCII), 0), passes);
            if (pass == 0) {
                add(first, e);
            } else {
                first.addAddress(e.ip().getBytes(StandardCharsets.US_ASCII), 0, e.ip().length());
                first.countAhead(e.type(), e.status(), null, "GET", "app");
                later.get(pass).add(e);
            }
        }
        for (int pass = 1; pass < passes; pass++) {
            DistinctEvents check = DistinctEvents.checkingRowsCountedAhead(new ConcurrentLogIdSet(), passes, pass);
            for (Event e : later.get(pass)) {
                byte[] id = e.id().getBytes(StandardCharsets.US_ASCII);
                check.add(e.type(), ConcurrentLogIdSet.word(id, 0), ConcurrentLogIdSet.word(id, 16),
                        ConcurrentLogIdSet.word(id, 32), ConcurrentLogIdSet.word(id, 48), e.status(), null, "GET", "app");
            }
            first.merge(check);
        }

        assertThat(first.result(DAY, 0)).isEqualTo(whole.result(DAY, 0));
    }

    @org.junit.jupiter.api.Test
    void aKeyWhoseEventsWereAllTakenBackIsNotInTheRow() {
        DailyActivityAccumulator accumulator = new DailyActivityAccumulator();
        accumulator.addDistinctEventCountingIpApart(LogType.ACCESS, 200, "mobile", "GET", "web");
        accumulator.addDistinctEventCountingIpApart(LogType.ERROR, 503, null, "POST", "api");
        accumulator.addDistinctEventCountingIpApart(LogType.ERROR, 503, null, "POST", "api");
        accumulator.retractDistinctEvent(LogType.ERROR, 503, null, "POST", "api");
        accumulator.retractDistinctEvent(LogType.ERROR, 503, null, "POST", "api");

        DailyActivity row = accumulator.result(DAY, 0, 1, 2);

        DailyActivity once = new DailyActivityAccumulator()
                .addDistinctEventCountingIpApart(LogType.ACCESS, 200, "mobile", "GET", "web").result(DAY, 0, 1, 2);
        assertThat(row).isEqualTo(once);
        assertThat(row.errorsByCode()).isEmpty();
        assertThat(row.requestsByType()).containsOnlyKeys("GET");
    }

    private record OddEvent(int content, String ip) {}

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<OddEvent> oddEvent() {
        // Few distinct contents, so that exact duplicates (same content, same address) are common.
        return net.jqwik.api.Combinators.combine(net.jqwik.api.Arbitraries.integers().between(0, 400),
                IpAddressStrings.any()).as(OddEvent::new);
    }

    @Property(tries = 60)
    void passesWithSmallAddressBudgetsCountExactlyTheAddressesAHashSetCounts(
            @ForAll @Size(max = 2000) List<@net.jqwik.api.From("oddEvent") OddEvent> day,
            @ForAll("passes") int passes, @ForAll @IntRange(min = 1, max = 20_000) int ipBudgetBytes) {
        List<Event> events = day.stream().map(DistinctEventsTest::oddEvent).toList();
        DistinctEvents whole = new DistinctEvents();
        events.forEach(e -> add(whole, e));
        java.util.Set<String> plainIps = new java.util.HashSet<>();
        events.forEach(e -> plainIps.add(e.ip()));

        DistinctEvents merged = new DistinctEvents();
        for (int pass = 0; pass < passes; pass++) {
            DistinctEvents share = new DistinctEvents(new ConcurrentLogIdSet(), passes, pass, ipBudgetBytes);
            events.forEach(e -> add(share, e));
            merged.merge(share);
        }

        assertThat(whole.result(DAY, 2).uniqueIps()).isEqualTo(plainIps.size());
        if (merged.ipsOverflowed()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> merged.result(DAY, 2))
                    .isInstanceOf(IllegalStateException.class);
            long counted = 0;
            for (int s = 0; s < IpShare.MAX_SHARES; s++) {
                IpShare ips = new IpShare(IpShare.MAX_SHARES, s, Long.MAX_VALUE);
                events.forEach(e -> ips.add(e.ip()));
                counted += ips.count();
            }
            assertThat(merged.result(DAY, 2, counted)).isEqualTo(whole.result(DAY, 2));
        } else {
            assertThat(merged.result(DAY, 2)).isEqualTo(whole.result(DAY, 2));
        }
    }

    private static Event oddEvent(OddEvent e) {
        LogType type = e.content() % 7 == 0 ? LogType.ERROR : LogType.ACCESS;
        int status = STATUSES[e.content() % STATUSES.length];
        // The address is part of the content, as in SPEC: one log_id, one address.
        return new Event(type, HASHER.logId(type, e.content(), e.ip(), null, "GET", status, null, null, "app"), status,
                e.ip());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> passes() {
        return net.jqwik.api.Arbitraries.of(1, 2, 4, 8, 64);
    }

    @org.junit.jupiter.api.Test
    void passesArePowersOfTwoUpToTheStripes() {
        for (int[] bad : new int[][] {{0, 0}, {3, 0}, {128, 0}, {4, 4}, {4, -1}}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DistinctEvents(new ConcurrentLogIdSet(), bad[0], bad[1]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(DistinctEvents.aggregatePasses(1_000, Long.MAX_VALUE)).isEqualTo(1);
        long perId = ConcurrentLogIdSet.BYTES_PER_ID;
        assertThat(DistinctEvents.aggregatePasses(1_000, 1_000 * perId)).isEqualTo(1);
        assertThat(DistinctEvents.aggregatePasses(1_001, 1_000 * perId)).isEqualTo(2);
        assertThat(DistinctEvents.aggregatePasses(10_000_000, 10_000_000 * perId / 5)).isEqualTo(8);
        assertThat(DistinctEvents.aggregatePasses(Long.MAX_VALUE / 128, 1)).isEqualTo(64);
    }

    /** A pass whose ids are released keeps its counts and merges as before, and takes no more rows. */
    @org.junit.jupiter.api.Test
    void aPassWhoseIdsAreReleasedKeepsItsCountsAndRefusesRows() {
        DistinctEvents kept = new DistinctEvents(new ConcurrentLogIdSet());
        DistinctEvents released = new DistinctEvents(new ConcurrentLogIdSet());
        for (int n = 0; n < 3_000; n++) {
            Event e = event(n % 2_000); // a third of the rows repeat an earlier event
            add(kept, e);
            add(released, e);
        }
        released.releaseIds();

        java.time.LocalDate day = java.time.LocalDate.of(2024, 11, 29);
        assertThat(released.result(day, 0)).isEqualTo(kept.result(day, 0));
        assertThat(new DistinctEvents(new ConcurrentLogIdSet()).merge(released).result(day, 0)).isEqualTo(kept.result(day, 0));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            add(released, event(5_000));
            released.result(day, 0);
        }).isInstanceOf(IllegalStateException.class);
    }

    private static DistinctEvents oneScan(List<Event> events) {
        DistinctEvents whole = new DistinctEvents();
        events.forEach(e -> add(whole, e));
        return whole;
    }

    private static void add(DistinctEvents events, Event e) {
        events.add(e.type(), e.id().getBytes(StandardCharsets.US_ASCII), 0, e.status(), e.ip(), null, "GET", "app");
    }
}
