package io.atlas.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.RejectRow;
import io.atlas.domain.record.CanonicalRecord;
import io.atlas.domain.record.RejectReason;
import io.atlas.domain.run.RunContext;
import io.atlas.domain.run.RunId;
import io.atlas.domain.testing.OriginSamples;
import io.atlas.ports.dataset.Dataset;
import io.atlas.ports.dataset.DatasetStore;
import io.atlas.ports.engine.Engine;
import io.atlas.ports.engine.NormalizeResult;
import io.atlas.ports.storage.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link Engine} must have, on the origin samples and on edge cases. */
public abstract class EngineContract {
    protected static final LocalDate D29 = LocalDate.of(2024, 11, 29);
    protected static final LocalDate D30 = LocalDate.of(2024, 11, 30);

    /** The lake the engine reads and writes. */
    public record Lake(ObjectStore store, DatasetStore datasets, Engine engine) {}

    protected Lake lake;

    protected abstract Lake createLake() throws Exception;

    @BeforeEach
    void setUpLake() throws Exception {
        lake = createLake();
    }

    protected static RunContext run(String id) {
        return new RunContext(RunId.of(id), Instant.parse("2024-12-01T00:00:00Z"));
    }

    protected void validated(LogFormat format, LocalDate day, String name, byte[] content) {
        lake.store().write(LakeLayout.validatedKey(format, day, name), content);
    }

    protected void originSamples(String date) throws IOException {
        LocalDate day = LocalDate.parse(date);
        validated(LogFormat.NDJSON, day, "access_logs_" + date + ".ndjson",
                Files.readAllBytes(OriginSamples.file(date, "access_logs_" + date + ".ndjson")));
        validated(LogFormat.JSON_GZIP, day, "api_logs_" + date + ".json.gz",
                Files.readAllBytes(OriginSamples.file(date, "api_logs_" + date + ".json.gz")));
        validated(LogFormat.XML_ERRORS, day, "errors_" + date + ".xml",
                Files.readAllBytes(OriginSamples.file(date, "errors_" + date + ".xml")));
    }

    protected List<CanonicalRecord> rows(LogType type, LocalDate day) {
        return DatasetStoreContract.readAll(lake.datasets(), Dataset.LOGS, Dataset.logsPartition(type, day));
    }

    protected List<RejectRow> rejects(LocalDate day) {
        return DatasetStoreContract.readAll(lake.datasets(), Dataset.REJECTS, Dataset.rejectsPartition(day));
    }

    @Test
    void processesTheOriginSamplesWithNoRejects() throws IOException {
        originSamples("2024-11-29");
        originSamples("2024-11-30");

        NormalizeResult n29 = lake.engine().normalize(run("r29"), D29);
        NormalizeResult n30 = lake.engine().normalize(run("r30"), D30);
        DailyActivity g29 = lake.engine().aggregate(run("r29"), D29);

        assertThat(n29.total()).isEqualTo(new FileCounts(1700, 1700, 0, 0));
        assertThat(n29.files()).isEqualTo(3);
        assertThat(n30.total()).isEqualTo(new FileCounts(2110, 2110, 0, 0));
        assertThat(rows(LogType.ACCESS, D29)).hasSize(1500);
        assertThat(rows(LogType.ERROR, D29)).hasSize(200);
        assertThat(rows(LogType.ACCESS, D30)).hasSize(1850);
        assertThat(rows(LogType.ERROR, D30)).hasSize(260);
        assertThat(rejects(D29)).isEmpty();
        assertThat(g29.totalRequests()).isEqualTo(1500);
        assertThat(g29.errorCount()).isEqualTo(200);
        assertThat(g29.uniqueIps()).isEqualTo(394);
        assertThat(g29.rejectedRecords()).isZero();
        assertThat(readGold(D29)).containsExactly(g29);
    }

    protected List<DailyActivity> readGold(LocalDate day) {
        return DatasetStoreContract.readAll(lake.datasets(), Dataset.DAILY_ACTIVITY, Dataset.dailyActivityPartition(day));
    }

    @Test
    void rerunningADayGivesTheSameRows() throws IOException {
        originSamples("2024-11-29");
        lake.engine().normalize(run("a"), D29);
        List<CanonicalRecord> first = rows(LogType.ACCESS, D29);
        DailyActivity gold = lake.engine().aggregate(run("a"), D29);

        lake.engine().normalize(run("b"), D29);

        assertThat(rows(LogType.ACCESS, D29)).containsExactlyInAnyOrderElementsOf(first);
        assertThat(lake.engine().aggregate(run("b"), D29)).isEqualTo(gold);
    }

    @Test
    void aDayWithoutInputGetsEmptyPartitionsAndAZeroRow() {
        NormalizeResult result = lake.engine().normalize(run("e"), D29);
        DailyActivity gold = lake.engine().aggregate(run("e"), D29);

        assertThat(result.files()).isZero();
        assertThat(lake.datasets().partition(Dataset.LOGS, Dataset.logsPartition(LogType.ACCESS, D29))).isPresent();
        assertThat(lake.datasets().partition(Dataset.LOGS, Dataset.logsPartition(LogType.ERROR, D29))).isPresent();
        assertThat(lake.datasets().partition(Dataset.REJECTS, Dataset.rejectsPartition(D29))).isPresent();
        assertThat(gold).isEqualTo(DailyActivity.empty(D29, 0));
        assertThat(readGold(D29)).containsExactly(gold);
    }

    @Test
    void aMidnightSpanningFileLandsEachRecordOnItsDayOnce() {
        String file = "{\"timestamp\": \"2024-11-29T23:59:59Z\", \"ip\": \"1.1.1.1\", \"request_type\": \"GET\", \"status\": 200}\n"
                + "{\"timestamp\": \"2024-11-30T00:00:01Z\", \"ip\": \"2.2.2.2\", \"request_type\": \"GET\", \"status\": 500}\n"
                + "{\"timestamp\": \"broken\"}\n";
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        validated(LogFormat.NDJSON, D29, "span.ndjson", bytes);
        validated(LogFormat.NDJSON, D30, "span.ndjson", bytes);

        NormalizeResult n29 = lake.engine().normalize(run("a"), D29);
        NormalizeResult n30 = lake.engine().normalize(run("b"), D30);

        assertThat(rows(LogType.ACCESS, D29)).extracting(CanonicalRecord::ipAddress).containsExactly("1.1.1.1");
        assertThat(rows(LogType.ACCESS, D30)).extracting(CanonicalRecord::ipAddress).containsExactly("2.2.2.2");
        assertThat(rejects(D29)).extracting(RejectRow::reasonCode).containsExactly(RejectReason.INVALID_TIMESTAMP);
        assertThat(rejects(D30)).isEmpty();
        assertThat(n29.total()).isEqualTo(new FileCounts(3, 1, 1, 1));
        assertThat(n30.total()).isEqualTo(new FileCounts(3, 1, 0, 2));
        assertThat(lake.engine().aggregate(run("a"), D29).rejectedRecords()).isEqualTo(1);
    }

    @Test
    void aReprocessedCorrectedFileReplacesTheDay() {
        StringBuilder fifty = new StringBuilder();
        StringBuilder seventy = new StringBuilder();
        for (int i = 0; i < 70; i++) {
            String line = "{\"timestamp\": \"2024-11-29T10:00:" + String.format("%02d", i % 60) + "Z\", \"ip\": \"10.0.0." + i
                    + "\", \"request_type\": \"GET\", \"status\": 200}\n";
            if (i < 50) {
                fifty.append(line);
            }
            seventy.append(line);
        }
        validated(LogFormat.NDJSON, D29, "day.ndjson", fifty.toString().getBytes(StandardCharsets.UTF_8));
        lake.engine().normalize(run("a"), D29);
        assertThat(lake.engine().aggregate(run("a"), D29).totalRequests()).isEqualTo(50);

        validated(LogFormat.NDJSON, D29, "day.ndjson", seventy.toString().getBytes(StandardCharsets.UTF_8));
        lake.engine().normalize(run("b"), D29);

        assertThat(lake.engine().aggregate(run("b"), D29).totalRequests()).isEqualTo(70);
        assertThat(rows(LogType.ACCESS, D29)).hasSize(70);
    }

    @Test
    void exactDuplicatesAreKeptAsRowsAndCountedOnce() {
        String line = "{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"1.1.1.1\", \"request_type\": \"GET\", \"status\": 404}\n";
        validated(LogFormat.NDJSON, D29, "a.ndjson", (line + line).getBytes(StandardCharsets.UTF_8));
        validated(LogFormat.NDJSON, D29, "copy-of-a.ndjson", line.getBytes(StandardCharsets.UTF_8));

        lake.engine().normalize(run("a"), D29);
        DailyActivity gold = lake.engine().aggregate(run("a"), D29);

        assertThat(rows(LogType.ACCESS, D29)).hasSize(3);
        assertThat(gold.totalRequests()).isEqualTo(1);
        assertThat(gold.clientErrorCount()).isEqualTo(1);
        assertThat(gold.duplicateRecords()).isEqualTo(2);
    }

    @Test
    void aLargeMixedNdjsonFileGivesWhatOnePassOverItGives() throws IOException {
        StringBuilder text = new StringBuilder("\uFEFF");
        for (int i = 0; i < 12_000; i++) {
            String second = String.format("%02d", i % 60);
            text.append(switch (i % 9) {
                case 0 -> "{\"timestamp\": \"2024-11-30T01:00:" + second + "Z\", \"ip\": \"9.9.9." + i % 250
                        + "\", \"request_type\": \"GET\", \"status\": 200}";
                case 1 -> "{\"timestamp\": \"2024-11-29T10:00:" + second + "Z\", \"ip\": \"1.2.3.4\", \"status\": 99}";
                case 2 -> i % 2 == 0 ? "not json " + i : "{\"timestamp\": \"later\", \"n\": " + i + "}";
                case 3 -> "";
                default -> "{\"timestamp\": \"2024-11-29T10:" + String.format("%02d", i % 60) + ":" + second
                        + "Z\", \"ip\": \"10.0." + i % 7 + "." + i % 250 + "\", \"request_type\": \"POST\", \"status\": "
                        + (200 + i % 4 * 100) + ", \"user_agent\": \"agent " + i + "\"}";
            }).append(i % 5 == 0 ? "\r\n" : "\n");
        }
        byte[] file = text.toString().getBytes(StandardCharsets.UTF_8);
        validated(LogFormat.NDJSON, D29, "big.ndjson", file);
        validated(LogFormat.NDJSON, D30, "big.ndjson", file);
        String source29 = LakeLayout.validatedKey(LogFormat.NDJSON, D29, "big.ndjson").value();

        io.atlas.domain.testing.CollectingSink expected = new io.atlas.domain.testing.CollectingSink();
        FileCounts expectedCounts = new io.atlas.domain.normalize.FileNormalizer(
                io.atlas.domain.normalize.NormalizationSettings.DEFAULTS).normalize(LogFormat.NDJSON, source29,
                () -> new java.io.ByteArrayInputStream(file), D29, expected);
        NormalizeResult n29 = lake.engine().normalize(run("big29"), D29);
        NormalizeResult n30 = lake.engine().normalize(run("big30"), D30);

        assertThat(n29.total()).isEqualTo(expectedCounts);
        assertThat(sorted(rows(LogType.ACCESS, D29))).isEqualTo(sorted(expected.accepted));
        assertThat(rejects(D29)).extracting(RejectRow::recordIndex).doesNotHaveDuplicates();
        assertThat(rejects(D29).stream().sorted(java.util.Comparator.comparingLong(RejectRow::recordIndex)).toList())
                .isEqualTo(expected.rejected.stream().sorted(java.util.Comparator.comparingLong(RejectRow::recordIndex)).toList());
        assertThat(n30.total().processed()).isEqualTo(12_000 / 9 + 1);
        assertThat(n30.total().rejected()).isZero();
    }

    private static List<CanonicalRecord> sorted(List<CanonicalRecord> rows) {
        return rows.stream().sorted(java.util.Comparator.comparing(CanonicalRecord::toString)).toList();
    }
}
