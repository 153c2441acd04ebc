package io.atlas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atlas.domain.lake.ObjectKey;
import io.atlas.ports.AtlasException;
import io.atlas.ports.inmemory.InMemoryCatalog;
import io.atlas.ports.inmemory.InMemoryObjectStore;
import io.atlas.ports.inmemory.InMemoryRunLocks;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.notify.RunSummary;
import io.atlas.ports.query.QueryResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 item 9: every port can be given to the builder, build() checks its inputs, and only AtlasExceptions escape. */
class AtlasBuilderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-12-01T02:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.parse("2024-11-29");

    @TempDir
    Path work;

    private static String ndjson(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append("{\"timestamp\": \"2024-11-29T10:00:0").append(i).append("Z\", \"ip\": \"10.0.0.").append(i)
                    .append("\", \"request_type\": \"GET\", \"status\": 200}\n");
        }
        return out.toString();
    }

    @Test
    void aWholeLakeInMemoryNeedsNoDirectory() throws IOException {
        InMemoryObjectStore store = new InMemoryObjectStore(CLOCK);
        List<RunSummary> notified = new ArrayList<>();
        InMemoryCatalog catalog = new InMemoryCatalog();
        try (Atlas atlas = Atlas.builder().objectStore(store).catalog(catalog).runLocks(new InMemoryRunLocks())
                .notifier(notified::add).clock(CLOCK).threads(1).build()) {
            atlas.store().write(ObjectKey.of("raw/ndjson/day.ndjson"), ndjson(3).getBytes(StandardCharsets.UTF_8));

            assertThat(atlas.ingest().days()).containsExactly(DAY);
            RunRecord run = atlas.run(DAY);

            assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(notified).hasSize(1);
            assertThat(catalog.partitions("log_analytics_db", "daily_activity")).hasSize(1);
            assertThat(atlas.query("SELECT total_requests FROM log_analytics_db.daily_activity").rows())
                    .containsExactly(List.of(3L));
        }
        assertThat(store.list("processed/")).isNotEmpty();
        try (var files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void theEngineAndTheQueryEngineCanBeGiven() {
        InMemoryObjectStore store = new InMemoryObjectStore(CLOCK);
        AtomicInteger normalized = new AtomicInteger();
        io.atlas.ports.engine.Engine real = Atlas.builder().objectStore(store).clock(CLOCK).build()
                .component(io.atlas.ports.engine.Engine.class);
        io.atlas.ports.engine.Engine counting = new io.atlas.ports.engine.Engine() {
            @Override
            public io.atlas.ports.engine.NormalizeResult normalize(io.atlas.domain.run.RunContext context, LocalDate date) {
                normalized.incrementAndGet();
                return real.normalize(context, date);
            }

            @Override
            public io.atlas.domain.aggregate.DailyActivity aggregate(io.atlas.domain.run.RunContext context, LocalDate date) {
                return real.aggregate(context, date);
            }
        };
        QueryResult canned = new QueryResult(List.of("answer"), List.of(List.of(42L)));
        try (Atlas atlas = Atlas.builder().objectStore(store).engine(counting).queryEngine(sql -> canned).clock(CLOCK).build()) {
            assertThat(atlas.run(DAY).state()).isEqualTo(RunState.SUCCEEDED);
            assertThat(normalized).hasValue(1);
            assertThat(atlas.query("SELECT anything")).isSameAs(canned);
        }
    }

    @Test
    void buildChecksItsInputs() {
        assertThatThrownBy(() -> Atlas.builder().build()).isInstanceOf(AtlasConfigurationException.class)
                .hasMessageContaining("no lake given");
        assertThatThrownBy(() -> Atlas.builder().lake(work).threads(0).build()).isInstanceOf(AtlasConfigurationException.class)
                .hasMessage("Cannot build Atlas: threads must be at least 1, got 0");
        Properties tooSmall = new Properties();
        tooSmall.setProperty("atlas.max-record-bytes", "10");
        assertThatThrownBy(() -> Atlas.builder().lake(work).properties(tooSmall).build())
                .isInstanceOf(AtlasConfigurationException.class)
                .hasMessage("Cannot use atlas.max-record-bytes 10: must be at least 1024");
        Properties badFlag = new Properties();
        badFlag.setProperty("atlas.s3.path-style-access", "yess");
        assertThatThrownBy(() -> Atlas.builder().lake(work).properties(badFlag).build())
                .isInstanceOf(AtlasConfigurationException.class).hasMessageContaining("use true or false");
        assertThatThrownBy(() -> Atlas.builder().lake("ftp://host/lake").build()).isInstanceOf(AtlasConfigurationException.class)
                .hasMessageStartingWith("Cannot open lake ftp://host/lake: unsupported scheme");
    }

    @Test
    void aFileGivenAsTheLakeIsAnAtlasExceptionNotAGuiceOne() throws IOException {
        Path file = Files.writeString(work.resolve("not-a-lake"), "x");

        assertThatThrownBy(() -> Atlas.builder().lake(file).build()).isInstanceOf(AtlasException.class)
                .hasMessageStartingWith("Cannot open lake " + file)
                .satisfies(e -> assertThat(e.getClass().getName()).doesNotContain("inject"));
    }

    @Test
    void anInitialisedStoreIsALake() {
        try (Atlas atlas = Atlas.builder().objectStore(new InMemoryObjectStore(CLOCK)).clock(CLOCK).build()) {
            assertThat(atlas.isLake()).isFalse();
            atlas.init();
            assertThat(atlas.isLake()).isTrue();
            assertThat(atlas.store().exists(ObjectKey.of(Atlas.LAKE_MARKER))).isTrue();
        }
    }
}
