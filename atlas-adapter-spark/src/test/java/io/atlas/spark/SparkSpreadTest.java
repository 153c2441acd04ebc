package io.atlas.spark;

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
import io.atlas.domain.testing.Records;
import io.atlas.local.dataset.ParquetDatasetStore;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.commit.PartitionCommit;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.inprocess.InProcessEngine;
import io.atlas.domain.lake.LogType;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine spreads a day over tasks (issue 14): a day of one multi-range NDJSON file and many small files, on
 * {@code local[2]} with a small target split, has every stage that does real work in two tasks or more, none holding
 * more than three quarters of its stage's time or rows; what the aggregate sends the driver does not grow when the
 * day's distinct addresses grow tenfold; and the results stay the local engine's.
 */
class SparkSpreadTest {
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);
    private static final long SPLIT = 128 * 1024;
    private static final int BIG_FILE_LINES = 24_000;
    private static final int SMALL_FILES = 40;
    private static final int SMALL_FILE_LINES = 60;
    private static final long REAL_WORK_ROWS = 1_000;
    private static final long REAL_WORK_MILLIS = 1_000;

    @TempDir
    Path fewIps;
    @TempDir
    Path manyIps;
    @TempDir
    Path localLake;

    @Test
    void aDayOfOneLargeFileAndManySmallOnesIsSpreadOverTasksAndTheDriverGetsOnlySmallResults() throws Exception {
        SparkSession spark = TestSpark.session();
        route(fewIps, 1_500);
        route(manyIps, 15_000);
        route(localLake, 1_500);

        // Same rows and day as the local engine, ranges and packing included (this run also warms the JVM up).
        FileSystemObjectStore localStore = new FileSystemObjectStore(localLake);
        InProcessEngine local = new InProcessEngine(localStore, new ParquetDatasetStore(localStore), NormalizationSettings.DEFAULTS, 2);
        SparkEngine few = engine(spark, fewIps);
        RunContext run = new RunContext(RunId.of("spread-1"), Instant.parse("2024-12-01T00:00:00Z"));
        assertThat(few.normalize(run, DAY)).isEqualTo(local.normalize(run, DAY));
        assertThat(few.aggregate(run, DAY)).isEqualTo(local.aggregate(run, DAY));

        Stages normalize = new Stages();
        SparkEngine many = engine(spark, manyIps);
        observe(spark, normalize, () -> many.normalize(run, DAY));
        Stages aggregateMany = new Stages();
        long uniqueIpsMany = observe(spark, aggregateMany, () -> many.aggregate(run, DAY)).uniqueIps();
        Stages aggregateFew = new Stages();
        long uniqueIpsFew = observe(spark, aggregateFew, () -> few.aggregate(new RunContext(RunId.of("spread-2"),
                Instant.parse("2024-12-01T00:00:00Z")), DAY)).uniqueIps();

        assertThat(uniqueIpsMany).as("tenfold distinct IPs").isGreaterThanOrEqualTo(9 * uniqueIpsFew);
        assertThat(PartitionCommit.committed(new FileSystemObjectStore(manyIps), Dataset.LOGS,
                Dataset.logsPartition(LogType.ACCESS, DAY)).map(PartitionInfo::files).orElseThrow())
                .as("access files of the day").hasSizeGreaterThan(1);
        for (Stages stages : List.of(normalize, aggregateMany)) {
            stages.assertSpread();
        }
        // Normalize writes in the pass that parses: no cached rows (a persisted day ran a 1 GB heap out of memory).
        assertThat(normalize.cachedBlocks()).as("cached blocks of normalize").isZero();
        System.out.println("bytes sent to the driver by the aggregate: " + aggregateFew.resultBytes() + " ("
                + uniqueIpsFew + " IPs), " + aggregateMany.resultBytes() + " (" + uniqueIpsMany + " IPs)");
        // In local mode driver and executors share one heap: what the driver holds is what the tasks send it.
        assertThat(aggregateMany.resultBytes()).as("bytes the aggregate's tasks sent the driver, 10x the distinct IPs")
                .isLessThan(aggregateFew.resultBytes() * 3 / 2 + 64 * 1024);
    }

    private static SparkEngine engine(SparkSession spark, Path lake) {
        return new SparkEngine(spark, LakeLocation.of(lake), new FileSystemObjectStore(lake), NormalizationSettings.DEFAULTS,
                new SparkEngineOptions(SPLIT, SPLIT));
    }

    private static <T> T observe(SparkSession spark, Stages stages, java.util.function.Supplier<T> work) throws Exception {
        spark.sparkContext().addSparkListener(stages);
        try {
            return work.get();
        } finally {
            spark.sparkContext().listenerBus().waitUntilEmpty();
            spark.sparkContext().removeSparkListener(stages);
        }
    }

    /** One large NDJSON file spanning two days (bad and timestamp-less lines, duplicates) and many small ones. */
    private static void route(Path lake, int distinctIps) throws Exception {
        FileSystemObjectStore store = new FileSystemObjectStore(lake);
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < BIG_FILE_LINES; i++) {
            big.append(line(i, distinctIps)).append('\n');
        }
        big.append(Records.access("2024-11-28T23:59:59Z")).append('\n');
        route(store, "big.ndjson", big.toString());
        for (int f = 0; f < SMALL_FILES; f++) {
            StringBuilder small = new StringBuilder();
            for (int i = 0; i < SMALL_FILE_LINES; i++) {
                small.append(line(BIG_FILE_LINES + f * SMALL_FILE_LINES + i, distinctIps)).append('\n');
            }
            route(store, "small-" + f + ".ndjson", small.toString());
        }
    }

    private static String line(int i, int distinctIps) {
        if (i % 211 == 0) {
            return "{\"n\": " + i + "}"; // no timestamp: owned by the file's earliest day only
        }
        if (i % 193 == 0) {
            return "{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"x\"}"; // a reject of the day
        }
        int event = i % 397 == 0 ? i - 1 : i; // a duplicate of the line before
        int ip = event % distinctIps;
        String time = String.format("2024-11-29T%02d:%02d:%02dZ", event / 3600 % 24, event / 60 % 60, event % 60);
        return Records.access(time, "10." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255),
                new int[] {200, 201, 404, 500, 302}[event % 5]);
    }

    private static void route(FileSystemObjectStore store, String name, String text) throws java.io.IOException {
        byte[] content = utf8(text);
        FileScanResult scan = new FileScanner(ReadLimits.DEFAULTS).scan(LogFormat.NDJSON, new ByteArrayInputStream(content));
        Set<LocalDate> days = ((FileScanResult.Routable) scan).days();
        for (ObjectKey copy : RoutingPlan.of(LogFormat.NDJSON, name, days, Set.of()).copies()) {
            store.write(copy, content);
        }
    }

    /** Per stage: each task's run time and rows (read, shuffled or written), and the bytes tasks sent the driver. */
    static final class Stages extends SparkListener {
        private final Map<Integer, String> names = new ConcurrentHashMap<>();
        private final Map<Integer, List<long[]>> tasks = new ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong cachedBlocks = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void onBlockUpdated(org.apache.spark.scheduler.SparkListenerBlockUpdated updated) {
            if (updated.blockUpdatedInfo().blockId().isRDD()) {
                cachedBlocks.incrementAndGet();
            }
        }

        /** Blocks of persisted RDDs or Datasets stored while listening: rows of the day held by the executors. */
        long cachedBlocks() {
            return cachedBlocks.get();
        }

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
            names.put(submitted.stageInfo().stageId(), submitted.stageInfo().name());
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.taskMetrics() == null || !end.taskInfo().successful()) {
                return;
            }
            var m = end.taskMetrics();
            long rows = Math.max(Math.max(m.inputMetrics().recordsRead(), m.shuffleReadMetrics().recordsRead()),
                    Math.max(m.shuffleWriteMetrics().recordsWritten(), m.outputMetrics().recordsWritten()));
            tasks.computeIfAbsent(end.stageId(), s -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new long[] {m.executorRunTime(), rows, m.resultSize()});
        }

        long resultBytes() {
            return tasks.values().stream().flatMap(List::stream).mapToLong(t -> t[2]).sum();
        }

        void assertSpread() {
            Map<String, String> report = new TreeMap<>();
            tasks.forEach((stage, list) -> report.put(String.format("%03d", stage), names.get(stage) + ": "
                    + list.stream().map(t -> t[0] + "ms/" + t[1]).toList()));
            System.out.println("stages (task run time/rows): " + report);
            for (Map.Entry<Integer, List<long[]>> stage : tasks.entrySet()) {
                List<long[]> list = stage.getValue();
                long time = list.stream().mapToLong(t -> t[0]).sum();
                long rows = list.stream().mapToLong(t -> t[1]).sum();
                // Normalize's own stage reads through the engine, not a Spark source: it has no row metrics, only time.
                if (rows < REAL_WORK_ROWS && time < REAL_WORK_MILLIS) {
                    continue;
                }
                String stageName = "stage " + stage.getKey() + " " + names.get(stage.getKey()) + " " + report.get(String.format("%03d", stage.getKey()));
                assertThat(list).as(stageName).hasSizeGreaterThanOrEqualTo(2);
                assertThat(list.stream().mapToLong(t -> t[1]).max().orElse(0)).as("rows of a task, " + stageName)
                        .isLessThanOrEqualTo(rows * 3 / 4);
                assertThat(list.stream().mapToLong(t -> t[0]).max().orElse(0)).as("time of a task, " + stageName)
                        .isLessThanOrEqualTo(Math.max(time * 3 / 4, 20));
            }
        }
    }
}
