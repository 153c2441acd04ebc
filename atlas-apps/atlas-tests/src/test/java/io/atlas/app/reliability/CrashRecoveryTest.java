package io.atlas.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.app.cli.LakeSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * A process killed at any storage call of an ingest-and-run (halted as SIGKILL would, in a forked JVM) leaves a lake
 * that a rerun brings to exactly the clean run's committed rows.
 */
class CrashRecoveryTest {

    @Property(tries = 5)
    void aCrashAnywhereThenARerunEqualsACleanRun(@ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where)
            throws Exception {
        Path work = Files.createTempDirectory("atlas-crash-");
        try {
            Corpus corpus = Corpus.generate(work, 7, 25);
            long crashAt = 1 + (long) (where * corpus.calls);
            Path lake = work.resolve("crashed");
            Corpus.copyRaw(corpus.raw, lake);
            List<String> args = new ArrayList<>(List.of(lake.toString(), Long.toString(crashAt)));
            corpus.days.forEach(d -> args.add(d.toString()));

            int exit = Forks.run(work.resolve("fork.log"), CrashingRun.class, args.toArray(String[]::new));

            assertThat(exit).as(Files.readString(work.resolve("fork.log"))).isEqualTo(137);
            corpus.rerun(lake);
            assertThat(LakeSnapshot.of(lake)).as("crash at call %d of %d", crashAt, corpus.calls).isEqualTo(corpus.clean);
        } finally {
            Corpus.delete(work);
        }
    }
}
