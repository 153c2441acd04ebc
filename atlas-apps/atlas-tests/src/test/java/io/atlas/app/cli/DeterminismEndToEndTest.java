package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rerunning a day, and running it with one thread or many, gives identical rows. */
class DeterminismEndToEndTest {
    @TempDir
    Path one;

    @TempDir
    Path many;

    private static void generateIngestAndRun(Path lake, String threads) {
        assertThat(Cli.run(lake, "generate", "--records", "1500", "--bad-share", "0.05", "--seed", "7").exitCode()).isZero();
        assertThat(Cli.run(lake, "ingest", "-q").exitCode()).isZero();
        assertThat(Cli.run(lake, "--threads", threads, "backfill", "--from", "2024-11-29", "--to", "2024-12-01").exitCode()).isZero();
    }

    @Test
    void oneThreadAndFourThreadsGiveTheSameLake() {
        generateIngestAndRun(one, "1");
        generateIngestAndRun(many, "4");

        LakeSnapshot single = LakeSnapshot.of(one);
        assertThat(single.tables().get("logs")).hasSizeGreaterThan(3000);
        assertThat(single.tables().get("rejects")).isNotEmpty();
        assertThat(LakeSnapshot.of(many)).isEqualTo(single);
    }

    @Test
    void rerunningEveryDayLeavesTheRowsIdentical() {
        generateIngestAndRun(one, "2");
        LakeSnapshot first = LakeSnapshot.of(one);

        assertThat(Cli.run(one, "backfill", "--from", "2024-11-29", "--to", "2024-12-01").exitCode()).isZero();

        assertThat(LakeSnapshot.of(one)).isEqualTo(first);
        for (String day : new String[] {"2024-11-29", "2024-11-30", "2024-12-01"}) {
            Cli.Result validate = Cli.run(one, "validate", "--date", day);
            assertThat(validate.exitCode()).as(validate.out()).isZero();
        }
    }
}
