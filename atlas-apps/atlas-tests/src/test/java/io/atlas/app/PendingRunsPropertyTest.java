package io.atlas.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.app.cli.LakeSnapshot;
import io.atlas.app.cli.Lakes;
import io.atlas.ports.ledger.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Late and corrected files, interleaved with runs in any order: after a final {@code run --pending} the lake holds
 * exactly what a from-scratch run over the final version of every file gives.
 */
class PendingRunsPropertyTest {
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2024, 11, 28), LocalDate.of(2024, 11, 29),
            LocalDate.of(2024, 11, 30));

    /** Upload version {@code version} of file {@code file} and ingest; or run pending; or run one day. */
    record Op(String kind, int file, int version, int day) {}

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> upload = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3))
                .as((file, version) -> new Op("upload", file, version, 0));
        Arbitrary<Op> pending = Arbitraries.just(new Op("pending", 0, 0, 0));
        Arbitrary<Op> runDay = Arbitraries.integers().between(0, 2).map(day -> new Op("run", 0, 0, day));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, upload), net.jqwik.api.Tuple.of(2, pending),
                net.jqwik.api.Tuple.of(2, runDay)).list().ofMinSize(1).ofMaxSize(8);
    }

    /** Version v of file f: records on one or two of the days, some bad, some timestamp-less. */
    static String content(int file, int version) {
        StringBuilder out = new StringBuilder();
        LocalDate first = DAYS.get((file + version) % DAYS.size());
        for (int i = 0; i <= version + file; i++) {
            out.append(Lakes.ndjsonLine(first + "T1" + i % 10 + ":00:00Z", "10." + file + "." + version + "." + i, 200 + i));
        }
        if (version % 2 == 1) {
            out.append(Lakes.ndjsonLine(first.plusDays(1) + "T00:00:0" + file + "Z", "10.9.9." + file, 503));
            out.append("{\"timestamp\": \"no time\"}\n");
        }
        return out.toString();
    }

    @Property(tries = 12)
    void aFinalPendingRunEqualsAFromScratchRun(@ForAll("operations") List<Op> operations) throws IOException {
        Path interleaved = Files.createTempDirectory("atlas-interleaved-");
        Path scratch = Files.createTempDirectory("atlas-scratch-");
        try {
            Map<Integer, Integer> finalVersions = new TreeMap<>();
            TreeSet<LocalDate> touched = new TreeSet<>();
            try (Atlas atlas = Atlas.builder().lake(interleaved).threads(2).build()) {
                for (Op op : operations) {
                    switch (op.kind()) {
                        case "upload" -> {
                            Lakes.drop(interleaved, "raw/ndjson/f" + op.file() + ".ndjson", content(op.file(), op.version()));
                            touched.addAll(atlas.ingest().days());
                            finalVersions.put(op.file(), op.version());
                        }
                        case "pending" -> atlas.pendingDays().forEach(day ->
                                assertThat(atlas.run(day).state()).isEqualTo(RunState.SUCCEEDED));
                        default -> assertThat(atlas.run(DAYS.get(op.day())).state()).isEqualTo(RunState.SUCCEEDED);
                    }
                }
                atlas.pendingDays().forEach(day -> atlas.run(day));
                assertThat(atlas.pendingDays()).isEmpty();
            }
            try (Atlas atlas = Atlas.builder().lake(scratch).threads(1).build()) {
                finalVersions.forEach((file, version) ->
                        Lakes.drop(scratch, "raw/ndjson/f" + file + ".ndjson", content(file, version)));
                atlas.ingest();
                TreeSet<LocalDate> days = new TreeSet<>(touched);
                days.addAll(ranDays(operations));
                days.forEach(atlas::run);
            }

            assertThat(LakeSnapshot.of(interleaved)).isEqualTo(LakeSnapshot.of(scratch));
        } finally {
            delete(interleaved);
            delete(scratch);
        }
    }

    private static List<LocalDate> ranDays(List<Op> operations) {
        return operations.stream().filter(op -> op.kind().equals("run")).map(op -> DAYS.get(op.day())).toList();
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
