package io.atlas.ports.inprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.aggregate.ConcurrentLogIdSet;
import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.aggregate.DailyActivityAccumulator;
import io.atlas.domain.aggregate.DistinctEvents;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.LogIdHasher;
import io.atlas.ports.dataset.EventScan;
import io.atlas.ports.engine.EngineException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The bounded columnar aggregate gives, on any day, budget, file order and thread count, the row of the plain path:
 * one unbounded scan, with {@code unique_ips} as the size of a {@code HashSet<String>} of the addresses.
 */
class ColumnarAggregateTest {
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);
    private static final int[] STATUSES = {200, 201, 404, 500, 503};

    /** One processed row; rows of equal content share their log_id (and so their address). */
    record Row(LogType type, String id, int status, String ip, String device, String requestType, String app) {}

    @Provide
    Arbitrary<Row> row() {
        Arbitrary<String> ip = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, 20))
                        .as((a, b) -> a + ".0." + b + ".1"),
                Arbitraries.integers().between(0, 40).map(n -> "2001:db8::" + Integer.toHexString(n)),
                Arbitraries.of("0:0:0:0:0:0:0:1", "::1", "01.0.0.1", "1.0.0.1", "unknown", "", "1.0.0.1 ", "::FFFF:1.2.3.4"),
                // As read from a file: decoded UTF-8, so an unpaired surrogate has become '?'.
                Arbitraries.strings().ofMaxLength(6).map(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
        return Combinators.combine(Arbitraries.integers().between(0, 300), ip, Arbitraries.of("Chrome", "curl", "Safari").injectNull(0.2),
                Arbitraries.of("GET", "POST")).as(ColumnarAggregateTest::row);
    }

    private static Row row(int content, String ip, String device, String requestType) {
        LogType type = content % 6 == 0 ? LogType.ERROR : LogType.ACCESS;
        int status = STATUSES[content % STATUSES.length];
        String app = "app" + content % 3;
        String id = new LogIdHasher().logId(type, content, ip, device, requestType, status, null, null, app);
        return new Row(type, id, status, ip, type == LogType.ACCESS ? device : null,
                type == LogType.ACCESS ? requestType : "ERROR", app);
    }

    @Property(tries = 60)
    void aDayWithinAnyBudgetOnAnyThreadsGivesThePlainRow(@ForAll @Size(max = 1500) List<@From("row") Row> day,
            @ForAll @IntRange(min = 1, max = 12) int files, @ForAll @IntRange(min = 1, max = 4) int threads,
            @ForAll("budgets") long memoryBytes, @ForAll long seed) {
        List<List<Row>> byFile = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            byFile.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        day.forEach(row -> byFile.get(random.nextInt(files)).add(row));
        Collections.shuffle(byFile, random);

        DailyActivity row = new ColumnarAggregate(threads, memoryBytes, 1).aggregate(parts(byFile), day.size(), DAY, 4);

        assertThat(row).isEqualTo(plain(day));
    }

    @Provide
    Arbitrary<Long> budgets() {
        // From far too small for one pass of ids or addresses (many passes, addresses counted apart) to plenty.
        return Arbitraries.of(12_000L, 40_000L, 200_000L, 5_000_000L, Long.MAX_VALUE / 4);
    }

    /** Against the plainest aggregate there is: every row in a map by log_id ({@link DailyActivityAccumulator#aggregate}). */
    @Property(tries = 40)
    void aDayInManyPassesGivesTheRowOfTheInMemoryAggregate(@ForAll @Size(max = 2000) List<@From("row") Row> day,
            @ForAll @IntRange(min = 1, max = 6) int files, @ForAll @IntRange(min = 1, max = 3) int threads,
            @ForAll("passBudgets") long memoryBytes, @ForAll long seed) {
        List<List<Row>> byFile = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            byFile.add(new ArrayList<>());
        }
        Random random = new Random(seed);
        day.forEach(row -> byFile.get(random.nextInt(files)).add(row));

        DailyActivity row = new ColumnarAggregate(threads, memoryBytes, 1).aggregate(parts(byFile), day.size(), DAY, 4);

        List<CanonicalRecord> records = day.stream().map(r -> new CanonicalRecord(r.id(), Instant.EPOCH, r.ip(),
                r.device(), r.requestType(), r.status(), null, null, r.app(), r.type(), LogFormat.NDJSON, "f")).toList();
        assertThat(row).isEqualTo(DailyActivityAccumulator.aggregate(DAY, records, 4));
    }

    @Provide
    Arbitrary<Long> passBudgets() {
        // 2 to 64 passes of ids for up to 2,000 rows, with room for their addresses in the first pass or not.
        return Arbitraries.of(3_000L, 8_000L, 30_000L, 100_000L, 2_000_000L);
    }

    @Test
    void aDayInPassesReadsEveryFileOnceAndLeavesNoTemporaryFiles() throws Exception {
        List<Row> day = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            int c = i % 4_000; // the last 2,000 rows repeat the first 2,000
            day.add(row(c, c % 7 == 0 ? "2001:db8::" + Integer.toHexString(c % 300) : "10.0." + (c % 200) + ".1",
                    c % 5 == 0 ? null : "Chrome", "GET"));
        }
        List<List<Row>> files = List.of(day.subList(0, 2_000), day.subList(2_000, 4_000), day.subList(4_000, 6_000));
        List<ColumnarAggregate.Part> parts = parts(files);
        java.util.concurrent.atomic.AtomicInteger scans = new java.util.concurrent.atomic.AtomicInteger();
        List<ColumnarAggregate.Part> counted = counted(parts, scans);
        Set<String> before = temporaryFolders();
        assertThat(DistinctEvents.aggregatePasses(day.size(), 200_000 / 2)).isGreaterThan(1);

        DailyActivity row = new ColumnarAggregate(2, 200_000, 1).aggregate(counted, day.size(), DAY, 4);

        assertThat(row).isEqualTo(plain(day));
        assertThat(row.duplicateRecords()).isEqualTo(2_000);
        assertThat(scans.get()).isEqualTo(parts.size());
        assertThat(temporaryFolders()).isSubsetOf(before);
    }

    /** {@code parts} that count each scan of theirs in {@code scans}. */
    private static List<ColumnarAggregate.Part> counted(List<ColumnarAggregate.Part> parts,
            java.util.concurrent.atomic.AtomicInteger scans) {
        return parts.stream().map(part -> new ColumnarAggregate.Part(part.logType(), visitor -> {
            scans.incrementAndGet();
            part.source().scan(visitor);
        })).toList();
    }

    private static Set<String> temporaryFolders() throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.list(
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.map(p -> p.getFileName().toString()).filter(name -> name.startsWith("atlas-aggregate-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void aDayOfManyDistinctAddressesOnASmallBudgetCountsThemInShares() {
        List<Row> day = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            day.add(row(i, "host-" + i, "Chrome", "GET"));
        }
        List<List<Row>> files = List.of(day.subList(0, 10_000), day.subList(10_000, 30_000), day.subList(0, 5_000));

        DailyActivity row = new ColumnarAggregate(2, 400_000, 1).aggregate(parts(files), 35_000, DAY, 4);

        assertThat(row.uniqueIps()).isEqualTo(30_000);
        assertThat(row.duplicateRecords()).isEqualTo(5_000);
        assertThat(row).isEqualTo(plain(List.of(day, day.subList(0, 5_000)).stream().flatMap(List::stream).toList()));
    }

    /** Addresses whose {@link String#hashCode()} collide still split into shares that fit (CI found this one). */
    @Test
    void aDayOfAddressesWithOneStringHashFitsASmallBudget() {
        List<Row> day = new ArrayList<>();
        for (int length = 0; length <= 6; length++) {
            day.add(row(length, "\0".repeat(length), "Chrome", "GET"));
        }
        for (int mix = 0; mix < 1 << 7; mix++) {
            StringBuilder ip = new StringBuilder();
            for (int bit = 0; bit < 7; bit++) {
                ip.append((mix >> bit & 1) == 0 ? "Aa" : "BB");
            }
            day.add(row(100 + mix, ip.toString(), "curl", "POST"));
        }

        DailyActivity row = new ColumnarAggregate(3, 3_000, 1).aggregate(parts(List.of(day, day)), 2 * day.size(), DAY, 4);

        assertThat(row.uniqueIps()).isEqualTo(day.size());
        assertThat(row).isEqualTo(plain(List.of(day, day).stream().flatMap(List::stream).toList()));
    }

    /**
     * A day whose ids need many passes but whose addresses need a few parts reads its files about as often as the
     * addresses need, not once per id pass (each of 32 id passes read every file again before).
     */
    @Test
    void addressesCountedApartReadTheFilesAsOftenAsTheyNeed() {
        // spread over the whole space: too sparse for the denser form to fit either
        Scans scans = scansOfA32PassDay(i -> {
            int bits = i * 0x9E3779B1;
            return (bits >>> 24) + "." + ((bits >>> 16) & 255) + "." + ((bits >>> 8) & 255) + "." + (bits & 255);
        });
        int reads = scans.scans() / scans.parts();
        assertThat(reads).isGreaterThan(2).isLessThanOrEqualTo(12);
    }

    /**
     * The same day of 32 id passes, its addresses a subnet's: they outgrow their part of the budget as a hash set but
     * not as bits ({@code DistinctIpAddresses.compact}), so the files are read once.
     */
    @Test
    void addressesThatFitAsBitsAreCountedInTheFirstRead() {
        Scans scans = scansOfA32PassDay(i -> "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255));
        assertThat(scans.scans()).isEqualTo(scans.parts());
    }

    /** How often a day's parts were scanned, and how many parts it has. */
    private record Scans(int scans, int parts) {}

    /** Aggregates 60,000 rows in three files, with row {@code i}'s address {@code address(i)}, in 32 id passes. */
    private static Scans scansOfA32PassDay(java.util.function.IntFunction<String> address) {
        List<Row> day = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            day.add(row(i, address.apply(i), "Chrome", "GET"));
        }
        List<List<Row>> files = List.of(day.subList(0, 20_000), day.subList(20_000, 40_000), day.subList(40_000, 60_000));
        java.util.concurrent.atomic.AtomicInteger scans = new java.util.concurrent.atomic.AtomicInteger();
        List<ColumnarAggregate.Part> counted = counted(parts(files), scans);
        long memoryBytes = 6_250 * ConcurrentLogIdSet.BYTES_PER_ID; // ids get half: 32 passes of 60,000 rows
        assertThat(DistinctEvents.aggregatePasses(day.size(), memoryBytes / 2)).isEqualTo(32);

        DailyActivity row = new ColumnarAggregate(2, memoryBytes, 1).aggregate(counted, day.size(), DAY, 4);

        assertThat(row).isEqualTo(plain(day));
        return new Scans(scans.get(), counted.size());
    }

    @Test
    void aTinyBudgetStillGivesTheAddressesTheirFloor() {
        List<Row> day = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            day.add(row(i, "host-" + i, "Chrome", "GET"));
        }
        assertThat(new ColumnarAggregate(2, 1).aggregate(parts(List.of(day)), day.size(), DAY, 4)).isEqualTo(plain(day));
    }

    @Test
    void aBudgetTooSmallForTheSmallestShareIsAnErrorThatSaysWhatToDo() {
        List<Row> day = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            day.add(row(i, "an address of some length, number " + i, "Chrome", "GET"));
        }
        assertThatThrownBy(() -> new ColumnarAggregate(1, 2, 1).aggregate(parts(List.of(day)), day.size(), DAY, 0))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Cannot count unique_ips of 2024-11-29")
                .hasMessageEndingWith("raise the heap or lower atlas.threads");
    }

    private static List<ColumnarAggregate.Part> parts(List<List<Row>> files) {
        List<ColumnarAggregate.Part> parts = new ArrayList<>();
        for (List<Row> file : files) {
            for (LogType type : LogType.values()) {
                List<Row> rows = file.stream().filter(r -> r.type() == type).toList();
                // each address once per part, before its first row, as a dictionary-encoded chunk gives them, and
                // amid other bytes, as a page holds them
                EventScan.Source source = visitor -> {
                    rows.stream().map(Row::ip).distinct().forEach(ip -> {
                        byte[] page = ("\u00e9" + ip + "x").getBytes(StandardCharsets.UTF_8);
                        visitor.address(page, 2, page.length - 3);
                    });
                    rows.forEach(r -> visitor.event(("xx" + r.id()).getBytes(StandardCharsets.US_ASCII), 2, r.status(),
                            r.device(), r.requestType(), r.app()));
                };
                parts.add(new ColumnarAggregate.Part(type, source));
            }
        }
        return parts;
    }

    /** One unbounded scan for the events, and a plain set of strings for the addresses. */
    private static DailyActivity plain(List<Row> day) {
        DistinctEvents events = new DistinctEvents();
        Set<String> ips = new HashSet<>();
        for (Row r : day) {
            events.add(r.type(), r.id().getBytes(StandardCharsets.US_ASCII), 0, r.status(), r.ip(), r.device(),
                    r.requestType(), r.app());
            ips.add(r.ip());
        }
        return events.result(DAY, 4, ips.size());
    }
}
