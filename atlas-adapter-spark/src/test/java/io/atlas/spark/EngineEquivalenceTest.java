package io.atlas.spark;

import static io.atlas.domain.testing.Bytes.gzip;
import static io.atlas.domain.testing.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.ingest.FileScanResult;
import io.atlas.domain.ingest.FileScanner;
import io.atlas.domain.ingest.RoutingPlan;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.run.RunContext;
import io.atlas.domain.run.RunId;
import io.atlas.domain.testing.LogArbitraries;
import io.atlas.local.dataset.ParquetDatasetStore;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.dataset.CloseableIterator;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.engine.Engine;
import io.atlas.ports.engine.NormalizeResult;
import io.atlas.ports.inprocess.InProcessEngine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Local and Spark engines agree: random corpora of all three formats (bad records, duplicates, midnight-spanning
 * files) give identical processed, reject and gold rows as multisets. Sizes stay modest to keep CI fast.
 */
class EngineEquivalenceTest {

    /** A corpus: NDJSON files, gzip'd JSON arrays, XML files. */
    record Corpus(List<List<String>> ndjson, List<List<String>> arrays, List<List<String>> xml) {}

    @Provide
    Arbitrary<Corpus> corpora() {
        Arbitrary<List<List<String>>> ndjson = LogArbitraries.ndjsonLines().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<List<List<String>>> arrays = LogArbitraries.jsonRecords().list().ofMinSize(1).ofMaxSize(25).list().ofMaxSize(2);
        Arbitrary<List<List<String>>> xml = LogArbitraries.xmlRecords().list().ofMinSize(1).ofMaxSize(20).list().ofMaxSize(2);
        return net.jqwik.api.Combinators.combine(ndjson, arrays, xml).as(Corpus::new);
    }

    @Property(tries = 3)
    void localAndSparkEnginesProduceTheSameRows(@ForAll("corpora") Corpus corpus) throws IOException {
        Path localDir = Files.createTempDirectory("atlas-local-");
        Path sparkDir = Files.createTempDirectory("atlas-spark-");
        try {
            FileSystemObjectStore localStore = new FileSystemObjectStore(localDir);
            FileSystemObjectStore sparkStore = new FileSystemObjectStore(sparkDir);
            Set<LocalDate> days = new TreeSet<>();
            days.addAll(route(localStore, corpus));
            route(sparkStore, corpus);
            ParquetDatasetStore localData = new ParquetDatasetStore(localStore);
            ParquetDatasetStore sparkData = new ParquetDatasetStore(sparkStore);
            Engine local = new InProcessEngine(localStore, localData, NormalizationSettings.DEFAULTS, 2);
            Engine spark = new SparkEngine(TestSpark.session(), LakeLocation.of(sparkDir), sparkStore,
                    NormalizationSettings.DEFAULTS, new SparkEngineOptions(300, 2_000)); // ranges, packing, several files

            for (LocalDate day : days) {
                RunContext run = new RunContext(RunId.of("eq-" + day), Instant.parse("2024-12-01T00:00:00Z"));
                NormalizeResult l = local.normalize(run, day);
                NormalizeResult s = spark.normalize(run, day);
                assertThat(s).isEqualTo(l);
                assertThat(spark.aggregate(run, day)).isEqualTo(local.aggregate(run, day));
            }

            for (Dataset<?> dataset : Dataset.ALL) {
                assertThat(rows(sparkData, dataset)).as(dataset.name()).isEqualTo(rows(localData, dataset));
            }
        } finally {
            delete(localDir);
            delete(sparkDir);
        }
    }

    /** Routes every file as ingestion would, returning the days they touch. */
    private static Set<LocalDate> route(FileSystemObjectStore store, Corpus corpus) throws IOException {
        Set<LocalDate> days = new TreeSet<>();
        int n = 0;
        for (List<String> lines : corpus.ndjson()) {
            days.addAll(route(store, LogFormat.NDJSON, "f" + n++ + ".ndjson", utf8(String.join("\n", lines))));
        }
        for (List<String> elements : corpus.arrays()) {
            days.addAll(route(store, LogFormat.JSON_GZIP, "a" + n++ + ".json.gz", gzip("[" + String.join(",\n", elements) + "]")));
        }
        for (List<String> records : corpus.xml()) {
            days.addAll(route(store, LogFormat.XML_ERRORS, "e" + n++ + ".xml",
                    utf8("<errors>\n" + String.join("\n", records) + "\n</errors>")));
        }
        return days;
    }

    private static Set<LocalDate> route(FileSystemObjectStore store, LogFormat format, String name, byte[] content) throws IOException {
        FileScanResult scan = new FileScanner(ReadLimits.DEFAULTS).scan(format, new ByteArrayInputStream(content));
        if (!(scan instanceof FileScanResult.Routable routable)) {
            return Set.of();
        }
        for (ObjectKey copy : RoutingPlan.of(format, name, routable.days(), Set.of()).copies()) {
            store.write(copy, content);
        }
        return routable.days();
    }

    private static List<String> rows(DatasetStore datasets, Dataset<?> dataset) {
        List<String> rows = new ArrayList<>();
        for (PartitionInfo partition : datasets.partitions(dataset)) {
            try (CloseableIterator<?> it = datasets.read(dataset, partition.values())) {
                it.forEachRemaining(r -> rows.add(partition.values() + " " + r));
            }
        }
        rows.sort(Comparator.naturalOrder());
        return rows;
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
