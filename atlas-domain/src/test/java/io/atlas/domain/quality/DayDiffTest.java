package io.atlas.domain.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.aggregate.DailyActivity;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class DayDiffTest {
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);
    private static final String A = "a".repeat(64);
    private static final String B = "b".repeat(64);

    private static DailyActivity row(long requests, Map<String, Long> devices) {
        return new DailyActivity(DAY, requests, 0, 0, 0, requests, new TreeMap<>(devices), new TreeMap<>(),
                new TreeMap<>(), new TreeMap<>(), 0, 0);
    }

    @Test
    void theCorrectionOf50To70ReadsAsTheSeedsExample() {
        DaySnapshot before = DaySnapshot.of(List.of(new InputFile("corrected/orders.ndjson", A, 500)), row(50, Map.of()), Map.of());
        DaySnapshot after = DaySnapshot.of(List.of(new InputFile("corrected/orders.ndjson", B, 700)), row(70, Map.of()), Map.of());

        DayDiff diff = DayDiff.between(before, after);

        assertThat(diff.files()).containsExactly(new DayDiff.FileChange("corrected/orders.ndjson", DayDiff.FileChangeKind.REPLACED));
        assertThat(diff.columns()).extracting(DayDiff.Delta::toString)
                .containsExactly("total_requests 50 -> 70 (+20)", "unique_ips 50 -> 70 (+20)");
        assertThat(diff.summary()).isEqualTo("total_requests 50 -> 70 (+20), unique_ips 50 -> 70 (+20): corrected/orders.ndjson replaced");
    }

    @Test
    void filesAddedAndRemovedAndMapEntriesAreNamed() {
        DaySnapshot before = DaySnapshot.of(List.of(new InputFile("old.ndjson", A, 1), new InputFile("same.ndjson", A, 1)),
                row(10, Map.of("mobile", 10L)), Map.of("MALFORMED_JSON", 2L));
        DaySnapshot after = DaySnapshot.of(List.of(new InputFile("new.ndjson", B, 1), new InputFile("same.ndjson", A, 1)),
                row(10, Map.of("desktop", 4L, "mobile", 6L)), Map.of("MISSING_FIELD", 1L));

        DayDiff diff = DayDiff.between(before, after);

        assertThat(diff.files()).extracting(DayDiff.FileChange::toString).containsExactly("new.ndjson added", "old.ndjson removed");
        assertThat(diff.columns()).extracting(DayDiff.Delta::toString)
                .containsExactly("requests_by_device[mobile] 10 -> 6 (-4)", "requests_by_device[desktop] 0 -> 4 (+4)");
        assertThat(diff.rejects()).extracting(DayDiff.Delta::toString)
                .containsExactly("MALFORMED_JSON 2 -> 0 (-2)", "MISSING_FIELD 0 -> 1 (+1)");
    }

    @Test
    void aRerunOnTheSameInputChangesNothing() {
        DaySnapshot snapshot = DaySnapshot.of(List.of(new InputFile("day.ndjson", A, 1)), row(50, Map.of("mobile", 50L)), Map.of());
        assertThat(DayDiff.between(snapshot, snapshot).isEmpty()).isTrue();
        assertThat(DayDiff.between(snapshot, snapshot).summary()).isEqualTo("no change");
    }

    @Property(tries = 200)
    void everyDeltaAddsUpToTheAfterValue(@ForAll @LongRange(max = 1_000_000) long before, @ForAll @LongRange(max = 1_000_000) long after) {
        DayDiff diff = DayDiff.between(DaySnapshot.of(List.of(), row(before, Map.of("x", before)), Map.of()),
                DaySnapshot.of(List.of(), row(after, Map.of("x", after)), Map.of()));
        assertThat(diff.columns()).hasSize(before == after ? 0 : 3)
                .allSatisfy(d -> assertThat(d.before() + d.change()).isEqualTo(d.after()));
    }
}
