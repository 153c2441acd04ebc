package io.atlas.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.run.RunId;
import io.atlas.local.storage.FileSystemObjectStore;
import io.atlas.ports.commit.PartitionCommit;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.PartitionInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A normalize task's own Parquet files: rolled at the target size, read back by Spark as the rows written, and
 * published alone, without what another (failed) attempt of the task left in the same staging folder.
 */
class TaskFilesTest {
    private static final LocalDate DAY = LocalDate.of(2024, 11, 29);

    @TempDir
    Path lake;

    @Test
    void aTaskRollsItsFilesAtTheTargetSizeAndOnlyTheFilesItReportsArePublished() throws Exception {
        SparkSession spark = TestSpark.session();
        LakeLocation location = LakeLocation.of(lake);
        FileSystemObjectStore store = new FileSystemObjectStore(lake);
        StagedOutput staged = new StagedOutput(store, RunId.of("task-files-1"));
        String folder = staged.location("access");
        List<CanonicalRecord> records = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            records.add(new CanonicalRecord(String.format("%064x", i), Instant.parse("2024-11-29T10:00:00Z").plusSeconds(i),
                    "10.0." + (i / 256 % 256) + "." + (i % 256), i % 3 == 0 ? null : "mobile", "GET", 200 + i % 300,
                    "/p/" + (i % 7), null, "web", LogType.ACCESS, LogFormat.NDJSON, "day.log"));
        }

        // A failed first attempt of the same task left a file behind.
        try (TaskFiles<CanonicalRecord> failed = new TaskFiles<>(NormalizeFiles.logsLayout(), Set.of("log_id"), location,
                folder, "part-00000-a0", 1, new Configuration())) {
            failed.write(records.get(0));
        }
        List<TaskFiles.Written> written;
        try (TaskFiles<CanonicalRecord> files = new TaskFiles<>(NormalizeFiles.logsLayout(), Set.of("log_id"), location,
                folder, "part-00000-a1", 1, new Configuration())) {
            for (CanonicalRecord record : records) {
                files.write(record);
            }
            written = files.finish();
        }

        assertThat(written).as("a file per 1,024 rows at a one-byte target").hasSize(5);
        assertThat(written.stream().mapToLong(TaskFiles.Written::rows).sum()).isEqualTo(5000);
        List<Row> back = spark.read().parquet(written.stream().map(w -> location.resolve(w.key()).toString())
                .toArray(String[]::new)).select("log_id", "event_timestamp", "device", "status_code").collectAsList();
        assertThat(back.stream().map(r -> r.getString(0) + " " + r.getTimestamp(1).toInstant() + " " + r.getString(2)
                + " " + r.getInt(3)).collect(Collectors.toSet()))
                .isEqualTo(records.stream().map(r -> r.logId() + " " + r.eventTimestamp() + " " + r.device() + " "
                        + r.statusCode()).collect(Collectors.toSet()));
        assertThat(Files.list(lake.resolve(folder)).filter(p -> p.toString().endsWith(".parquet")).count())
                .as("staged files, the failed attempt's included").isEqualTo(6);

        staged.publish(written.stream().map(w -> ObjectKey.of(w.key())).toList(),
                PartitionCommit.normalizeOutputs(DAY).stream().filter(p -> p.dataset() == Dataset.LOGS
                        && p.values().get(0).equals(LogType.ACCESS.partitionValue())).findFirst().orElseThrow(), 5000);
        PartitionInfo published = PartitionCommit.committed(store, Dataset.LOGS, Dataset.logsPartition(LogType.ACCESS, DAY))
                .orElseThrow();
        assertThat(published.files()).hasSize(5);
        assertThat(published.rows()).isEqualTo(5000);
        assertThat(spark.read().parquet(published.files().stream().map(k -> location.resolve(k.value()).toString())
                .toArray(String[]::new)).count()).isEqualTo(5000);
    }

    @Test
    void aFileIsManyRowGroupsSoSparkSplitsItsReadOverTasks() throws Exception {
        assertThat(TaskFiles.rowGroupBytes(SparkEngineOptions.DEFAULT_TARGET_FILE_BYTES)).isEqualTo(8 * 1024 * 1024);
        assertThat(TaskFiles.rowGroupBytes(16L * 1024 * 1024)).isEqualTo(1024 * 1024);
        assertThat(TaskFiles.rowGroupBytes(1)).isEqualTo(1024 * 1024);

        SparkSession spark = TestSpark.session();
        LakeLocation location = LakeLocation.of(lake);
        String folder = new StagedOutput(new FileSystemObjectStore(lake), RunId.of("task-files-2")).location("access");
        List<TaskFiles.Written> written;
        try (TaskFiles<CanonicalRecord> files = new TaskFiles<>(NormalizeFiles.logsLayout(), Set.of("log_id"), location,
                folder, "part-00000-a0", 16L * 1024 * 1024, new Configuration())) {
            for (int i = 0; i < 60_000; i++) {
                files.write(new CanonicalRecord(String.format("%064x", i * 7919L), Instant.parse("2024-11-29T00:00:00Z")
                        .plusSeconds(i), "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255), "mobile", "GET", 200,
                        "/p/" + i, null, "web", LogType.ACCESS, LogFormat.NDJSON, "day.log"));
            }
            written = files.finish();
        }
        assertThat(written).as("one file under the 16 MiB target").hasSize(1);
        String path = location.resolve(written.get(0).key()).toString();
        try (ParquetFileReader footer = ParquetFileReader.open(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(path), new Configuration()))) {
            assertThat(footer.getRowGroups()).as("row groups of about 1 MiB").hasSizeGreaterThanOrEqualTo(3);
        }
        String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
        try {
            spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(Files.size(lake.resolve(written.get(0).key())) / 3));
            List<Integer> rowsPerTask = spark.read().parquet(path).javaRDD().mapPartitions(rows -> {
                int n = 0;
                for (; rows.hasNext(); rows.next()) {
                    n++;
                }
                return List.of(n).iterator();
            }).collect();
            assertThat(rowsPerTask.stream().filter(n -> n > 0)).as("tasks that read rows: %s", rowsPerTask)
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(rowsPerTask.stream().mapToInt(Integer::intValue).max().orElseThrow()).isLessThan(60_000 * 3 / 4);
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", before);
        }
    }
}
