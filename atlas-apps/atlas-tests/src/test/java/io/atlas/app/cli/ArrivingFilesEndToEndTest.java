package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `watch` and `ingest` take a file only once it is complete: never by a producer's in-progress name, never mid-write. */
class ArrivingFilesEndToEndTest {
    private static final List<String> IN_PROGRESS = List.of("raw/ndjson/.a.ndjson", "raw/ndjson/_b.ndjson",
            "raw/ndjson/c.ndjson.tmp", "raw/ndjson/d.ndjson.part", "raw/ndjson/e.ndjson._COPYING_",
            "raw/ndjson/sub/.hidden.ndjson");

    @TempDir
    Path lake;

    @Test
    void watchNeverTakesNamesProducersUseWhileWriting() throws Exception {
        for (String name : IN_PROGRESS) {
            Lakes.drop(lake, name, Lakes.ndjson("2024-11-29", 3, "10.0.0."));
        }
        Lakes.drop(lake, "raw/ndjson/done.ndjson", Lakes.ndjson("2024-11-29", 3, "10.0.1."));

        Cli.Result watch = Cli.run(lake, "watch", "--polls", "3", "--interval-ms", "100", "--quiet-period", "0ms");

        assertThat(watch.exitCode()).as(watch.err()).isZero();
        assertThat(watch.out()).contains("routed   raw/ndjson/done.ndjson");
        for (String name : IN_PROGRESS) {
            assertThat(lake.resolve(name)).as(name).exists();
            assertThat(watch.out()).doesNotContain(name);
        }
    }

    @Test
    void ingestLeavesInProgressNamesAndWithAQuietPeriodFreshFiles() {
        for (String name : IN_PROGRESS) {
            Lakes.drop(lake, name, Lakes.ndjson("2024-11-29", 3, "10.0.0."));
        }
        Lakes.drop(lake, "raw/ndjson/fresh.ndjson", Lakes.ndjson("2024-11-29", 3, "10.0.1."));

        Cli.Result waiting = Cli.run(lake, "ingest", "--quiet-period", "1h");
        assertThat(waiting.exitCode()).isZero();
        assertThat(lake.resolve("raw/ndjson/fresh.ndjson")).exists();

        Cli.Result now = Cli.run(lake, "ingest");
        assertThat(now.out()).contains("routed   raw/ndjson/fresh.ndjson").contains("Ingested 1 files");
        for (String name : IN_PROGRESS) {
            assertThat(lake.resolve(name)).as(name).exists();
        }
    }

    @Test
    void aFileStillBeingWrittenIsTakenWholeOnceQuietForTheConfiguredPeriod() throws Exception {
        Path config = Files.writeString(lake.resolve("atlas.properties"), "atlas.ingest.quiet-period=800ms\n");
        Path file = lake.resolve("raw/ndjson/slow.ndjson");
        Files.createDirectories(file.getParent());
        String day = Lakes.ndjson("2024-11-29", 40, "10.0.2.");
        List<String> lines = day.lines().toList();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread producer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (String line : lines) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(60); // pauses longer than a poll, shorter than the quiet period
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                writing.set(false);
            }
        });
        producer.start();

        Cli.Result watch = Cli.run(lake, "--config", config.toString(), "watch", "--polls", "60", "--interval-ms", "100");
        producer.join();

        assertThat(writing).isFalse();
        assertThat(watch.exitCode()).as(watch.err()).isZero();
        assertThat(watch.out()).contains("routed   raw/ndjson/slow.ndjson -> 2024-11-29 (40 records)");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
        assertThat(Cli.run(lake, "query", "--format", "csv", "SELECT COUNT(*) AS n FROM log_analytics_db.logs").outLines())
                .containsExactly("n", "40");
    }
}
