package io.atlas.app.reliability;

import io.atlas.app.Atlas;
import io.atlas.app.cli.LakeSnapshot;
import io.atlas.app.generate.GeneratorSettings;
import io.atlas.app.generate.LogGenerator;
import io.atlas.app.service.IngestReport;
import io.atlas.domain.schedule.DateRange;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.testing.FaultyObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A small generated corpus (good and bad records, bad files, a midnight spill) and what a clean run makes of it. */
final class Corpus {
    final Path raw;
    final List<LocalDate> days;
    final LakeSnapshot clean;
    final long calls;

    private Corpus(Path raw, List<LocalDate> days, LakeSnapshot clean, long calls) {
        this.raw = raw;
        this.days = days;
        this.clean = clean;
        this.calls = calls;
    }

    static Corpus generate(Path work, long seed, int records) {
        Path generated = work.resolve("corpus-" + seed);
        try (Atlas atlas = Atlas.builder().lake(generated).threads(1).build()) {
            new LogGenerator(atlas.store()).generate(new GeneratorSettings(
                    new DateRange(LocalDate.of(2024, 11, 29), LocalDate.of(2024, 11, 29)), records, 0.1, true, seed));
        }
        Path cleanLake = work.resolve("clean-" + seed);
        copyRaw(generated, cleanLake);
        FaultyObjectStore[] counter = new FaultyObjectStore[1];
        List<LocalDate> days;
        try (Atlas atlas = Atlas.builder().lake(cleanLake).threads(2)
                .objectStoreDecorator(store -> counter[0] = new FaultyObjectStore(store, 0, FaultyObjectStore.Fault.THROW)).build()) {
            IngestReport report = atlas.ingest();
            days = new ArrayList<>(report.days());
            for (LocalDate day : days) {
                if (atlas.run(day).state() != RunState.SUCCEEDED) {
                    throw new IllegalStateException("A clean run failed for " + day);
                }
            }
        }
        return new Corpus(generated, days, LakeSnapshot.of(cleanLake), counter[0].calls());
    }

    /** Copies the corpus's raw/ into a fresh lake. */
    static void copyRaw(Path from, Path lake) {
        try (Stream<Path> files = Files.walk(from.resolve("raw"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = lake.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ingests and runs every day with a healthy store, as an operator would after a failure. */
    void rerun(Path lake) {
        try (Atlas atlas = Atlas.builder().lake(lake).threads(2).build()) {
            atlas.ingest();
            for (LocalDate day : days) {
                atlas.run(day);
            }
            for (LocalDate day : days) {
                if (!atlas.validate(day).passed()) {
                    throw new AssertionError("validate " + day + ": " + atlas.validate(day).breaches());
                }
            }
        }
    }

    static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
