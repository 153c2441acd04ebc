package io.atlas.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.storage.ObjectInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a day's files become normalize tasks: every byte in exactly one item, a large NDJSON file cut into line-aligned
 * ranges, and the pieces dealt by their cost so no core is left with most of the day.
 */
class NormalizePlanTest {
    private static final long TARGET = 128 * 1024;

    @TempDir
    Path lake;

    private FileSystemObjectStore store;

    @Test
    void anXmlFileWeighsItsParsingCostNotItsBytes() {
        // Two 60 KB NDJSON files and a 40 KB XML file (which parses like 120 KB of NDJSON) on two cores: by bytes they
        // were three tasks, a lone last wave; by cost the XML file has one core and the NDJSON files the other.
        List<LogFormat> formats = List.of(LogFormat.NDJSON, LogFormat.NDJSON, LogFormat.XML_ERRORS);
        List<ObjectInfo> files = List.of(write("validated/ndjson/a.ndjson", 60, 1000), write("validated/ndjson/b.ndjson", 60, 1000),
                write("validated/xml_errors/day.xml", 40, 1000));

        List<List<NormalizePlan.Item>> tasks = plan(formats, files, 2);

        assertEveryByteOnce(tasks, files);
        assertThat(tasks).hasSize(2);
        assertThat(tasks).anySatisfy(task -> assertThat(task).singleElement().extracting(NormalizePlan.Item::key)
                .isEqualTo("validated/xml_errors/day.xml"));
    }

    @Test
    void aLargeNdjsonFileIsCutAndManySmallFilesAreDealtEvenly() {
        List<LogFormat> formats = new ArrayList<>();
        List<ObjectInfo> files = new ArrayList<>();
        formats.add(LogFormat.NDJSON);
        files.add(write("validated/ndjson/big.ndjson", 1000, 1000));
        for (int i = 0; i < 300; i++) {
            formats.add(LogFormat.NDJSON);
            files.add(write("validated/ndjson/small-" + i + ".ndjson", 1 + i % 7, 1000));
        }

        List<List<NormalizePlan.Item>> tasks = plan(formats, files, 4);

        assertEveryByteOnce(tasks, files);
        assertThat(tasks.size() % 4).as("a multiple of the cores").isZero();
        assertThat(tasks.stream().flatMap(List::stream).filter(i -> i.key().endsWith("big.ndjson"))).hasSizeGreaterThan(1);
        long[] loads = tasks.stream().mapToLong(t -> t.stream().mapToLong(i -> i.bytes() + NormalizePlan.openCost(TARGET)).sum())
                .sorted().toArray();
        assertThat(loads[loads.length - 1]).as("the largest task against the smallest: %s", java.util.Arrays.toString(loads))
                .isLessThanOrEqualTo(loads[0] + 2 * 128 * 1024);
    }

    private List<List<NormalizePlan.Item>> plan(List<LogFormat> formats, List<ObjectInfo> files, int cores) {
        return NormalizePlan.tasks(store, formats, files, TARGET, cores);
    }

    private static void assertEveryByteOnce(List<List<NormalizePlan.Item>> tasks, List<ObjectInfo> files) {
        Map<String, List<NormalizePlan.Item>> byFile = new TreeMap<>();
        tasks.stream().flatMap(List::stream).forEach(i -> byFile.computeIfAbsent(i.key(), k -> new ArrayList<>()).add(i));
        assertThat(byFile).hasSize(files.size());
        for (ObjectInfo file : files) {
            List<NormalizePlan.Item> pieces = byFile.get(file.key().value()).stream()
                    .sorted(Comparator.comparingLong(NormalizePlan.Item::start)).toList();
            long at = 0;
            for (NormalizePlan.Item piece : pieces) {
                assertThat(piece.start()).isEqualTo(at);
                assertThat(piece.start() % 1000).as("line-aligned").isZero();
                at = piece.end();
            }
            assertThat(at).isEqualTo(file.size());
        }
    }

    private ObjectInfo write(String key, int lines, int lineBytes) {
        if (store == null) {
            store = new FileSystemObjectStore(lake);
        }
        String content = ("x".repeat(lineBytes - 1) + "\n").repeat(lines);
        store.write(ObjectKey.of(key), content.getBytes(StandardCharsets.UTF_8));
        return new ObjectInfo(ObjectKey.of(key), content.length(), Instant.EPOCH);
    }
}
