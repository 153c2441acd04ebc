package io.atlas.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.aggregate.DailyActivity;
import io.atlas.domain.aggregate.DailyActivityAccumulator;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.ingest.FileScanResult;
import io.atlas.domain.ingest.FileScanner;
import io.atlas.domain.lake.LogFormat;
import io.atlas.domain.lake.LogType;
import io.atlas.domain.normalize.FileCounts;
import io.atlas.domain.normalize.FileNormalizer;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.testing.CollectingSink;
import io.atlas.domain.testing.OriginSamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compatibility baseline: the origin system's real files flow through with no rejects. */
class OriginSamplesTest {

    @ParameterizedTest
    @CsvSource({"2024-11-29, 1000, 500, 200", "2024-11-30, 1200, 650, 260"})
    void everyOriginRecordIsProcessedAndNoneRejected(String date, long ndjson, long jsonGzip, long xml) throws IOException {
        LocalDate day = LocalDate.parse(date);
        CollectingSink sink = new CollectingSink();
        FileNormalizer normalizer = new FileNormalizer(NormalizationSettings.DEFAULTS);
        Map<LogFormat, String> files = Map.of(LogFormat.NDJSON, "access_logs_" + date + ".ndjson",
                LogFormat.JSON_GZIP, "api_logs_" + date + ".json.gz", LogFormat.XML_ERRORS, "errors_" + date + ".xml");
        Map<LogFormat, Long> expected = Map.of(LogFormat.NDJSON, ndjson, LogFormat.JSON_GZIP, jsonGzip, LogFormat.XML_ERRORS, xml);

        for (Map.Entry<LogFormat, String> file : files.entrySet()) {
            Path path = OriginSamples.file(date, file.getValue());
            FileScanResult scan = new FileScanner(ReadLimits.DEFAULTS).scan(file.getKey(), Files.newInputStream(path));
            assertThat(scan).isInstanceOfSatisfying(FileScanResult.Routable.class,
                    routable -> assertThat(routable.days()).containsExactly(day));
            FileCounts counts = normalizer.normalize(file.getKey(), file.getValue(), () -> Files.newInputStream(path), day, sink);
            long want = expected.get(file.getKey());
            assertThat(counts).isEqualTo(new FileCounts(want, want, 0, 0));
        }

        assertThat(sink.rejected).isEmpty();
        assertThat(sink.accepted.stream().filter(r -> r.logType() == LogType.ACCESS)).hasSize((int) (ndjson + jsonGzip));
        assertThat(sink.accepted.stream().filter(r -> r.logType() == LogType.ERROR)).hasSize((int) xml);
        assertThat(sink.accepted).allSatisfy(r -> assertThat(r.day()).isEqualTo(day));
        assertThat(sink.accepted.stream().filter(r -> r.rawFormat() == LogFormat.NDJSON))
                .allSatisfy(r -> assertThat(r.appName()).isEqualTo("web_app_1"));
        assertThat(sink.accepted.stream().filter(r -> r.rawFormat() == LogFormat.JSON_GZIP))
                .allSatisfy(r -> assertThat(r.appName()).isEqualTo("api_service"));

        DailyActivity row = DailyActivityAccumulator.aggregate(day, sink.accepted, 0);
        assertThat(row.totalRequests() + row.errorCount() + row.duplicateRecords()).isEqualTo(ndjson + jsonGzip + xml);
        if (date.equals("2024-11-29")) {
            assertThat(row.totalRequests()).isEqualTo(1500);
            assertThat(row.errorCount()).isEqualTo(200);
            assertThat(row.uniqueIps()).isEqualTo(394);
        }
    }
}
