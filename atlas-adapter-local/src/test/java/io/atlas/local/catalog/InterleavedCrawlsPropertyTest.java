package io.atlas.local.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.catalog.AtlasTables;
import io.atlas.local.lock.FileCatalogLocks;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.catalog.CatalogPartition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Crawls of different dates interleaved on one lake directory, each with a catalog of its own (as separate processes
 * have), never lose each other's partitions: the catalog ends with every partition any of them added and not dropped.
 */
class InterleavedCrawlsPropertyTest {
    private static final String DB = "log_analytics_db";

    @Property(tries = 8)
    void interleavedAddsAndDropsOfDifferentDatesAreAllKept(@ForAll @Size(min = 2, max = 4) List<@IntRange(min = 2, max = 8) Integer> days,
            @ForAll @IntRange(min = 0, max = 3) int dropsPerCrawler) throws Exception {
        Path lake = Files.createTempDirectory("atlas-catalog-");
        try {
            LakeCatalog setup = new LakeCatalog(new FileSystemObjectStore(lake), new FileCatalogLocks(lake));
            setup.createDatabase(DB);
            setup.putTable(DB, AtlasTables.DAILY_ACTIVITY);
            ExecutorService threads = Executors.newFixedThreadPool(days.size());
            CyclicBarrier start = new CyclicBarrier(days.size());
            Set<String> expected = new TreeSet<>();
            List<Future<?>> crawls = new ArrayList<>();
            for (int crawler = 0; crawler < days.size(); crawler++) {
                List<List<String>> mine = new ArrayList<>();
                for (int day = 1; day <= days.get(crawler); day++) {
                    mine.add(List.of("2024", String.format("%02d", crawler + 1), String.format("%02d", day)));
                }
                List<List<String>> dropped = mine.subList(0, Math.min(dropsPerCrawler, mine.size()));
                mine.stream().filter(v -> !dropped.contains(v)).forEach(v -> expected.add(String.join("/", v)));
                LakeCatalog catalog = new LakeCatalog(new FileSystemObjectStore(lake), new FileCatalogLocks(lake));
                crawls.add(threads.submit(() -> {
                    start.await();
                    for (List<String> values : mine) {
                        catalog.addPartitions(DB, AtlasTables.DAILY_ACTIVITY.name(),
                                List.of(new CatalogPartition(values, "s3://x/" + String.join("/", values))));
                    }
                    catalog.dropPartitions(DB, AtlasTables.DAILY_ACTIVITY.name(), List.copyOf(dropped));
                    return null;
                }));
            }
            for (Future<?> crawl : crawls) {
                crawl.get();
            }
            threads.shutdown();

            List<String> registered = new LakeCatalog(new FileSystemObjectStore(lake))
                    .partitions(DB, AtlasTables.DAILY_ACTIVITY.name()).stream()
                    .map(p -> String.join("/", p.values())).toList();
            assertThat(registered).containsExactlyElementsOf(expected);
        } finally {
            try (Stream<Path> files = Files.walk(lake)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
