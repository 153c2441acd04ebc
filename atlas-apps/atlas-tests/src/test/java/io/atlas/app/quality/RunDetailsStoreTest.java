package io.atlas.app.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.quality.DayDiff;
import io.atlas.domain.quality.DaySnapshot;
import io.atlas.domain.quality.Gate;
import io.atlas.domain.quality.GateOutcome;
import io.atlas.domain.quality.GateStatus;
import io.atlas.domain.quality.InputFile;
import io.atlas.ports.inmemory.InMemoryObjectStore;
import io.atlas.ports.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunDetailsStoreTest {
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);
    private final InMemoryObjectStore store = new InMemoryObjectStore(java.time.Clock.fixed(java.time.Instant.parse("2024-11-30T00:00:00Z"), java.time.ZoneOffset.UTC));
    private final RunDetailsStore details = new RunDetailsStore(store);

    private static DailyActivity row(long requests) {
        return new DailyActivity(DAY, requests, 2, 1, 1, 9, new TreeMap<>(Map.of("mobile", requests)),
                new TreeMap<>(Map.of("GET", requests)), new TreeMap<>(Map.of("web_app_1", requests)),
                new TreeMap<>(Map.of("503", 2L)), 1, 3);
    }

    @Test
    void detailsReadBackAsWritten() {
        DaySnapshot before = DaySnapshot.of(List.of(new InputFile("a b/ü.ndjson", "a".repeat(64), 10)), row(50), Map.of("MISSING_FIELD", 3L));
        DaySnapshot after = DaySnapshot.of(List.of(new InputFile("a b/ü.ndjson", "b".repeat(64), 12)), row(70), Map.of("MISSING_FIELD", 3L));
        RunDetails written = new RunDetails("run-2", DAY, after,
                List.of(new GateOutcome(Gate.VOLUME, GateStatus.WARN, "30 events \"quoted\""), new GateOutcome(Gate.FRESHNESS, GateStatus.OFF, "off")),
                Optional.of(new RunDetails.Change("run-1", DayDiff.between(before, after))));

        details.save(written);

        assertThat(details.find("run-2")).contains(written);
        assertThat(details.find("run-3")).isEmpty();
        assertThat(written.tripped()).extracting(GateOutcome::gate).containsExactly(Gate.VOLUME);
        assertThat(written.gateStatus()).isEqualTo(GateStatus.WARN);
    }

    @Test
    void aCorruptDocumentIsReportedNotIgnored() {
        store.write(ObjectKey.of("_atlas/run-details/run-9.json"), "{not json".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> details.find("run-9")).isInstanceOf(StorageException.class)
                .hasMessageStartingWith("Cannot read the details of run run-9:");
    }
}
