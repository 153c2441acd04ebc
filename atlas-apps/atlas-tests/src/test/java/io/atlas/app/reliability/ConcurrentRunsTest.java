package io.atlas.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.app.cli.Cli;
import io.atlas.app.cli.Lakes;
import io.atlas.domain.run.RunId;
import io.atlas.local.lock.FileRunLocks;
import io.atlas.ports.lock.RunLocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run per date at a time, across processes; a killed holder does not block the date. */
class ConcurrentRunsTest {
    private static final LocalDate D29 = LocalDate.of(2024, 11, 29);

    @TempDir
    Path lake;

    @Test
    void aSecondRunOfARunningDateFailsFastNamingTheHolder() throws Exception {
        Lakes.drop(lake, "raw/ndjson/a.ndjson", Lakes.ndjson("2024-11-29", 10, "10.0.0."));
        Cli.run(lake, "ingest");
        Path log = lake.resolve("holder.log");
        Process holder = Forks.start(log, HoldLock.class, lake.toString(), D29.toString());
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!Files.readString(log).contains("HOLDING") && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }

            Cli.Result blocked = Cli.run(lake, "run", "--date", "2024-11-29");
            Cli.Result otherDay = Cli.run(lake, "run", "--date", "2024-11-30");

            assertThat(blocked.exitCode()).isEqualTo(1);
            assertThat(blocked.err()).contains("Cannot run 2024-11-29: it is already running")
                    .contains("holder-in-a-fork").contains("process " + holder.pid());
            assertThat(otherDay.exitCode()).isZero();
        } finally {
            holder.destroyForcibly().waitFor();
        }

        Cli.Result afterCrash = Cli.run(lake, "run", "--date", "2024-11-29");
        assertThat(afterCrash.exitCode()).as(afterCrash.err()).isZero();
        assertThat(Cli.run(lake, "validate", "--date", "2024-11-29").exitCode()).isZero();
    }

    @Test
    void theLockIsReleasedWhenTheRunEnds() {
        Lakes.drop(lake, "raw/ndjson/a.ndjson", Lakes.ndjson("2024-11-29", 3, "10.0.0."));
        Cli.run(lake, "ingest");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();

        try (RunLocks.Held held = new FileRunLocks(lake).acquire(D29, RunId.of("after"))) {
            assertThat(held).isNotNull();
        }
    }
}
