package io.atlas.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.app.Atlas;
import io.atlas.app.cli.LakeSnapshot;
import io.atlas.ports.AtlasException;
import io.atlas.ports.testing.FaultyObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Whatever storage call of an ingest-and-run fails, rerunning leaves the lake's committed rows equal to a clean run's
 * and every day reconciling. Property-based over the corpus (its seed) and the failing call (anywhere in the run).
 */
class FaultInjectionTest {

    @Property(tries = 12)
    void failingAnyStorageCallThenRerunningEqualsACleanRun(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double where) throws IOException {
        Path work = Files.createTempDirectory("atlas-faults-");
        try {
            Corpus corpus = Corpus.generate(work, seed, 25);
            long failAt = 1 + (long) (where * corpus.calls);
            Path lake = work.resolve("faulty");
            Corpus.copyRaw(corpus.raw, lake);
            FaultyObjectStore[] faulty = new FaultyObjectStore[1];
            try (Atlas atlas = Atlas.builder().lake(lake).threads(2)
                    .objectStoreDecorator(store -> faulty[0] = new FaultyObjectStore(store, failAt, FaultyObjectStore.Fault.THROW))
                    .build()) {
                try {
                    atlas.ingest();
                } catch (AtlasException expected) {
                    // the injected failure hit the listing of raw/: nothing was ingested
                }
                for (LocalDate day : corpus.days) {
                    try {
                        atlas.run(day);
                    } catch (AtlasException expected) {
                        // the injected failure outside a step (ledger, lock, pending markers)
                    }
                }
            }
            assertThat(faulty[0].calls()).as("the fault was reached").isGreaterThanOrEqualTo(Math.min(failAt, 1));

            corpus.rerun(lake);

            assertThat(LakeSnapshot.of(lake)).as("failing call %d of %d", failAt, corpus.calls).isEqualTo(corpus.clean);
        } finally {
            Corpus.delete(work);
        }
    }
}
