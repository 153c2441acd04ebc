package io.atlas.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.run.RunId;
import io.atlas.ports.dataset.CloseableIterator;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.dataset.PartitionInfo;
import io.atlas.ports.dataset.PartitionWriter;
import io.atlas.ports.testing.Rows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link DatasetStore} must have: rows round-trip, partitions are replaced atomically. */
public abstract class DatasetStoreContract {
    protected static final LocalDate DAY = LocalDate.of(2024, 11, 29);
    protected static final List<String> ACCESS = Dataset.logsPartition(LogType.ACCESS, DAY);
    protected DatasetStore datasets;

    protected abstract DatasetStore createDatasets() throws Exception;

    @BeforeEach
    void setUpDatasets() throws Exception {
        datasets = createDatasets();
    }

    protected static <R> List<R> readAll(DatasetStore store, Dataset<R> dataset, List<String> partition) {
        List<R> rows = new ArrayList<>();
        try (CloseableIterator<R> it = store.read(dataset, partition)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private <R> PartitionInfo replace(Dataset<R> dataset, List<String> partition, String run, List<R> rows) {
        try (PartitionWriter<R> writer = datasets.overwrite(dataset, partition, RunId.of(run))) {
            rows.forEach(writer::write);
            return writer.commit();
        }
    }

    @Test
    void canonicalRowsRoundTripWithNullsUnicodeAndMilliseconds() {
        List<CanonicalRecord> rows = List.of(
                Rows.access("2024-11-29T00:00:00.001Z", "10.0.0.1", "Chrome/120.0", 200),
                Rows.access("2024-11-29T23:59:59.999Z", "10.0.0.2", null, 503));
        List<String> errorPartition = Dataset.logsPartition(LogType.ERROR, DAY);

        PartitionInfo info = replace(Dataset.LOGS, ACCESS, "r1", rows);
        replace(Dataset.LOGS, errorPartition, "r1", List.of(Rows.error("2024-11-29T12:00:00Z", "10.0.0.3", 503)));

        assertThat(readAll(datasets, Dataset.LOGS, ACCESS)).containsExactlyInAnyOrderElementsOf(rows);
        assertThat(readAll(datasets, Dataset.LOGS, errorPartition)).containsExactly(Rows.error("2024-11-29T12:00:00Z", "10.0.0.3", 503));
        assertThat(info.rows()).isEqualTo(2);
        assertThat(info.location()).isEqualTo("processed/logs/log_type=access/year=2024/month=11/day=29/");
        assertThat(info.runId()).isEqualTo(RunId.of("r1"));
    }

    @Test
    void rejectAndGoldRowsRoundTrip() {
        List<RejectRow> rejects = List.of(Rows.reject(DAY, 1, RejectReason.MALFORMED_RECORD, "{not json"),
                Rows.reject(DAY, 7, RejectReason.RECORD_TOO_LARGE, "x".repeat(64 * 1024)));
        DailyActivity gold = Rows.gold(DAY, 10, 2);
        DailyActivity empty = DailyActivity.empty(DAY.plusDays(1), 0);

        replace(Dataset.REJECTS, Dataset.rejectsPartition(DAY), "r1", rejects);
        replace(Dataset.DAILY_ACTIVITY, Dataset.dailyActivityPartition(DAY), "r1", List.of(gold));
        replace(Dataset.DAILY_ACTIVITY, Dataset.dailyActivityPartition(DAY.plusDays(1)), "r1", List.of(empty));

        assertThat(readAll(datasets, Dataset.REJECTS, Dataset.rejectsPartition(DAY))).containsExactlyInAnyOrderElementsOf(rejects);
        assertThat(readAll(datasets, Dataset.DAILY_ACTIVITY, Dataset.dailyActivityPartition(DAY))).containsExactly(gold);
        assertThat(readAll(datasets, Dataset.DAILY_ACTIVITY, Dataset.dailyActivityPartition(DAY.plusDays(1)))).containsExactly(empty);
    }

    @Test
    void nothingIsVisibleBeforeCommitAndAbandonedWritesLeaveThePreviousRows() {
        CanonicalRecord first = Rows.access("2024-11-29T01:00:00Z", "10.0.0.1", "a", 200);
        replace(Dataset.LOGS, ACCESS, "r1", List.of(first));

        try (PartitionWriter<CanonicalRecord> writer = datasets.overwrite(Dataset.LOGS, ACCESS, RunId.of("r2"))) {
            writer.write(Rows.access("2024-11-29T02:00:00Z", "10.0.0.2", "b", 200));
            assertThat(readAll(datasets, Dataset.LOGS, ACCESS)).containsExactly(first);
        }

        assertThat(readAll(datasets, Dataset.LOGS, ACCESS)).containsExactly(first);
        assertThat(datasets.partition(Dataset.LOGS, ACCESS)).get().extracting(PartitionInfo::runId).isEqualTo(RunId.of("r1"));
    }

    @Test
    void aCommitReplacesEveryPreviousRow() {
        replace(Dataset.LOGS, ACCESS, "r1", List.of(Rows.access("2024-11-29T01:00:00Z", "1", "a", 200),
                Rows.access("2024-11-29T02:00:00Z", "2", "a", 200)));
        CanonicalRecord only = Rows.access("2024-11-29T03:00:00Z", "3", "a", 200);

        replace(Dataset.LOGS, ACCESS, "r2", List.of(only));

        assertThat(readAll(datasets, Dataset.LOGS, ACCESS)).containsExactly(only);
    }

    @Test
    void anEmptyCommitIsAnEmptyPartitionNotAMissingOne() {
        replace(Dataset.LOGS, ACCESS, "r1", List.of(Rows.access("2024-11-29T01:00:00Z", "1", "a", 200)));

        PartitionInfo info = replace(Dataset.LOGS, ACCESS, "r2", List.of());

        assertThat(readAll(datasets, Dataset.LOGS, ACCESS)).isEmpty();
        assertThat(info.rows()).isZero();
        assertThat(datasets.partition(Dataset.LOGS, ACCESS)).isPresent();
        assertThat(datasets.schema(Dataset.LOGS, ACCESS)).contains(Dataset.LOGS.table().columns());
    }

    @Test
    void listsCommittedPartitionsOnly() {
        replace(Dataset.LOGS, Dataset.logsPartition(LogType.ERROR, DAY), "r1", List.of());
        replace(Dataset.LOGS, ACCESS, "r1", List.of());
        try (PartitionWriter<CanonicalRecord> abandoned = datasets.overwrite(Dataset.LOGS,
                Dataset.logsPartition(LogType.ACCESS, DAY.plusDays(1)), RunId.of("r9"))) {
            abandoned.write(Rows.access("2024-11-30T01:00:00Z", "1", "a", 200));
        }

        assertThat(datasets.partitions(Dataset.LOGS)).extracting(PartitionInfo::values).containsExactly(
                List.of("access", "2024", "11", "29"), List.of("error", "2024", "11", "29"));
        assertThat(datasets.partitions(Dataset.REJECTS)).isEmpty();
        assertThat(datasets.partition(Dataset.LOGS, Dataset.logsPartition(LogType.ACCESS, DAY.plusDays(1)))).isEmpty();
        assertThat(readAll(datasets, Dataset.LOGS, Dataset.logsPartition(LogType.ACCESS, DAY.plusDays(1)))).isEmpty();
        assertThat(datasets.schema(Dataset.LOGS, Dataset.logsPartition(LogType.ACCESS, DAY.plusDays(1)))).isEmpty();
    }

    @Test
    void writersAcceptRowsFromManyThreads() throws InterruptedException {
        List<CanonicalRecord> rows = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            rows.add(Rows.access(String.format("2024-11-29T%02d:%02d:%02dZ", i / 3600, i / 60 % 60, i % 60), "10.0.0." + i % 250, "d", 200));
        }
        try (PartitionWriter<CanonicalRecord> writer = datasets.overwrite(Dataset.LOGS, ACCESS, RunId.of("r1"))) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int slice = t;
                pool.submit(() -> {
                    for (int i = slice; i < rows.size(); i += 4) {
                        writer.write(rows.get(i));
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            writer.commit();
        }

        assertThat(readAll(datasets, Dataset.LOGS, ACCESS)).containsExactlyInAnyOrderElementsOf(rows);
    }
}
