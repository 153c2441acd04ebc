package io.atlas.domain.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.LogIdHasher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DailyActivityAccumulatorTest {
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);

    static CanonicalRecord access(String ip, String device, String type, int status, String app, int second) {
        Instant at = Instant.parse("2024-11-29T10:00:00Z").plusSeconds(second);
        String id = new LogIdHasher().logId(LogType.ACCESS, at.toEpochMilli(), ip, device, type, status, "/", null, app);
        return new CanonicalRecord(id, at, ip, device, type, status, "/", null, app, LogType.ACCESS, LogFormat.NDJSON, "f");
    }

    static CanonicalRecord error(String ip, int code, String service, int second) {
        Instant at = Instant.parse("2024-11-29T10:00:00Z").plusSeconds(second);
        String id = new LogIdHasher().logId(LogType.ERROR, at.toEpochMilli(), ip, null, "ERROR", code, null, "m", service);
        return new CanonicalRecord(id, at, ip, null, "ERROR", code, null, "m", service, LogType.ERROR, LogFormat.XML_ERRORS, "x");
    }

    @Test
    void survivesJavaSerializationWithEveryCount() throws Exception {
        DailyActivityAccumulator accumulator = new DailyActivityAccumulator();
        for (CanonicalRecord row : List.of(access("1.1.1.1", "Chrome", "GET", 200, "web", 1),
                access("2.2.2.2", null, "POST", 404, "web", 2), error("4.4.4.4", 401, "auth", 4))) {
            accumulator.addDistinctEvent(EventFacts.of(row), 1);
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(accumulator);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            DailyActivityAccumulator copy = (DailyActivityAccumulator) in.readObject();
            assertThat(copy.result(DAY, 3)).isEqualTo(accumulator.result(DAY, 3));
            copy.addDistinctEvent(EventFacts.of(error("5.5.5.5", 401, "auth", 9)), 1);
            assertThat(copy.result(DAY, 3).errorsByCode()).containsEntry("401", 2L);
        }
    }

    @Test
    void computesEveryColumnOfTheDailyRow() {
        List<CanonicalRecord> rows = List.of(
                access("1.1.1.1", "Chrome", "GET", 200, "web", 1),
                access("1.1.1.1", "Chrome", "GET", 200, "web", 1), // exact duplicate
                access("2.2.2.2", null, "POST", 404, "web", 2),
                access("3.3.3.3", "iOS", "GET", 503, "api", 3),
                error("4.4.4.4", 401, "auth", 4),
                error("1.1.1.1", 503, "auth", 5));

        DailyActivity row = DailyActivityAccumulator.aggregate(DAY, rows, 7);

        assertThat(row).isEqualTo(new DailyActivity(DAY, 3, 2, 1, 1, 4,
                new TreeMap<>(Map.of("Chrome", 1L, "iOS", 1L)),
                new TreeMap<>(Map.of("GET", 2L, "POST", 1L, "ERROR", 2L)),
                new TreeMap<>(Map.of("web", 2L, "api", 1L, "auth", 2L)),
                new TreeMap<>(Map.of("401", 1L, "503", 1L)),
                1, 7));
    }

    @Test
    void aDayWithoutEventsHasZerosAndEmptyMaps() {
        assertThat(DailyActivityAccumulator.aggregate(DAY, List.of(), 3)).isEqualTo(DailyActivity.empty(DAY, 3));
        assertThat(new DailyActivityAccumulator().result(DAY, 0)).isEqualTo(DailyActivity.empty(DAY, 0));
    }

    @Provide
    Arbitrary<List<CanonicalRecord>> rows() {
        Arbitrary<CanonicalRecord> accessRows = Combinators.combine(
                        Arbitraries.integers().between(1, 20).map(i -> "10.0.0." + i),
                        Arbitraries.of("Chrome", "iOS", "curl").injectNull(0.2),
                        Arbitraries.of("GET", "POST"), Arbitraries.of(200, 301, 404, 403, 500, 503),
                        Arbitraries.of("web_app_1", "api_service"), Arbitraries.integers().between(0, 30))
                .as(DailyActivityAccumulatorTest::access);
        Arbitrary<CanonicalRecord> errorRows = Combinators.combine(
                        Arbitraries.integers().between(1, 20).map(i -> "10.0.0." + i), Arbitraries.of(401, 500, 503),
                        Arbitraries.of("auth_service", "billing_service"), Arbitraries.integers().between(0, 30))
                .as(DailyActivityAccumulatorTest::error);
        return Arbitraries.oneOf(accessRows, errorRows).list().ofMaxSize(80);
    }

    @Property
    void mergingPartialsInAnyOrderAndGroupingEqualsAggregatingAllAtOnce(
            @ForAll("rows") List<CanonicalRecord> rows, @ForAll long seed) {
        DailyActivity whole = DailyActivityAccumulator.aggregate(DAY, rows, 0);

        // Engines deduplicate by log_id first; partials then cover disjoint sets of log_ids, split arbitrarily.
        Map<String, EventFacts> facts = new java.util.LinkedHashMap<>();
        Map<String, Long> occurrences = new java.util.HashMap<>();
        rows.forEach(r -> {
            facts.putIfAbsent(r.logId(), EventFacts.of(r));
            occurrences.merge(r.logId(), 1L, Long::sum);
        });
        Random random = new Random(seed);
        int groups = 1 + random.nextInt(6);
        List<DailyActivityAccumulator> partials = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            partials.add(new DailyActivityAccumulator());
        }
        facts.forEach((id, event) -> partials.get(random.nextInt(groups)).addDistinctEvent(event, occurrences.get(id)));
        Collections.shuffle(partials, random);
        DailyActivityAccumulator merged = partials.get(0);
        for (int i = 1; i < partials.size(); i++) {
            merged = random.nextBoolean() ? merged.merge(partials.get(i)) : partials.get(i).merge(merged);
        }

        assertThat(merged.result(DAY, 0)).isEqualTo(whole);
    }

    @Property
    void theRowMatchesTheSpecComputedNaively(@ForAll("rows") List<CanonicalRecord> rows) {
        DailyActivity row = DailyActivityAccumulator.aggregate(DAY, rows, 0);

        Map<String, CanonicalRecord> distinct = new java.util.LinkedHashMap<>();
        rows.forEach(r -> distinct.putIfAbsent(r.logId(), r));
        List<CanonicalRecord> events = new ArrayList<>(distinct.values());
        List<CanonicalRecord> access = events.stream().filter(r -> r.logType() == LogType.ACCESS).toList();
        List<CanonicalRecord> errors = events.stream().filter(r -> r.logType() == LogType.ERROR).toList();
        Set<String> ips = new HashSet<>();
        events.forEach(r -> ips.add(r.ipAddress()));

        assertThat(row.totalRequests()).isEqualTo(access.size());
        assertThat(row.errorCount()).isEqualTo(errors.size());
        assertThat(row.clientErrorCount()).isEqualTo(access.stream().filter(r -> r.statusCode() / 100 == 4).count());
        assertThat(row.serverErrorCount()).isEqualTo(access.stream().filter(r -> r.statusCode() / 100 == 5).count());
        assertThat(row.uniqueIps()).isEqualTo(ips.size());
        assertThat(row.duplicateRecords()).isEqualTo(rows.size() - distinct.size());
        assertThat(row.requestsByDevice().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(access.stream().filter(r -> r.device() != null).count());
        assertThat(row.requestsByType().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(events.size());
        assertThat(row.requestsByApp().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(events.size());
        assertThat(row.errorsByCode().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(errors.size());
    }
}
