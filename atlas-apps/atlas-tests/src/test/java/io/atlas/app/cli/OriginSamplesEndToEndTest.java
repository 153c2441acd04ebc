package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atlas.domain.testing.OriginSamples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The origin's real files through the CLI: every record processed and counted, no rejects, SPEC §5 queries right. */
class OriginSamplesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path lake;

    @BeforeAll
    static void ingestAndRunBothDays() {
        Lakes.dropOriginDay(lake, "2024-11-29");
        Lakes.dropOriginDay(lake, "2024-11-30");

        Cli.Result ingest = Cli.run(lake, "ingest");
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        assertThat(ingest.out()).contains("6 routed to 2 days, 0 rejected");
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();
        assertThat(Cli.run(lake, "run", "--date", "2024-11-30").exitCode()).isZero();
    }

    @Test
    void countsLogsByTypeWithTheFirstOriginQuery() {
        Cli.Result d29 = Cli.run(lake, "query", "--format", "csv", "SELECT log_type, COUNT(*) FROM log_analytics_db.logs "
                + "WHERE year = 2024 AND month = 11 AND day = 29 GROUP BY log_type ORDER BY log_type");
        Cli.Result d30 = Cli.run(lake, "query", "--format", "csv", "SELECT log_type, COUNT(*) FROM log_analytics_db.logs "
                + "WHERE year = 2024 AND month = 11 AND day = 30 GROUP BY log_type ORDER BY log_type");

        assertThat(d29.outLines()).containsExactly("log_type,count_star()", "access,1500", "error,200");
        assertThat(d30.outLines()).containsExactly("log_type,count_star()", "access,1850", "error,260");
    }

    @Test
    void reportsTheErrorRateWithTheSecondOriginQueryUnchanged() {
        Cli.Result result = Cli.run(lake, "query", "--format", "csv", "SELECT date, total_requests, error_count, "
                + "CAST(error_count AS DOUBLE) / total_requests AS error_rate FROM log_analytics_db.daily_activity ORDER BY date");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).containsExactly("date,total_requests,error_count,error_rate",
                "2024-11-29,1500,200,0.13333333333333333", "2024-11-30,1850,260,0.14054054054054055");
    }

    @Test
    void nothingIsRejected() throws IOException {
        Cli.Result rejects = Cli.run(lake, "query", "--format", "csv",
                "SELECT COUNT(*) AS n FROM log_analytics_db.data_quality_rejects");

        assertThat(rejects.outLines()).containsExactly("n", "0");
        assertThat(lake.resolve("rejected/system")).doesNotExist();
        assertThat(lake.resolve("raw/ndjson")).isDirectory();
        try (Stream<Path> raw = Files.walk(lake.resolve("raw"))) {
            assertThat(raw.filter(Files::isRegularFile)).isEmpty();
        }
        assertThat(lake.resolve("archive/validated/ndjson")).isDirectory();
    }

    @Test
    void theGoldRowsAreWhatSpecSection4ImpliesFromTheRawFiles() throws IOException {
        for (String date : List.of("2024-11-29", "2024-11-30")) {
            Expected expected = Expected.fromSamples(date);
            Cli.Result result = Cli.run(lake, "query", "--format", "json", "SELECT * FROM log_analytics_db.daily_activity "
                    + "WHERE date = DATE '" + date + "'");
            JsonNode row = JSON.readTree(result.out()).get(0);

            assertThat(row.get("total_requests").asLong()).isEqualTo(expected.access);
            assertThat(row.get("error_count").asLong()).isEqualTo(expected.errors);
            assertThat(row.get("client_error_count").asLong()).isEqualTo(expected.clientErrors);
            assertThat(row.get("server_error_count").asLong()).isEqualTo(expected.serverErrors);
            assertThat(row.get("unique_ips").asLong()).isEqualTo(expected.ips.size());
            assertThat(row.get("duplicate_records").asLong()).isZero();
            assertThat(row.get("rejected_records").asLong()).isZero();
            assertThat(row.get("requests_by_app").get("web_app_1").asLong()).isEqualTo(expected.ndjson);
            assertThat(row.get("requests_by_app").get("api_service").asLong()).isEqualTo(expected.access - expected.ndjson);
            assertThat(row.get("requests_by_type").get("ERROR").asLong()).isEqualTo(expected.errors);
        }
        assertThat(Expected.fromSamples("2024-11-29").ips).hasSize(394);
    }

    @Test
    void bothDaysValidate() {
        Cli.Result d29 = Cli.run(lake, "validate", "--date", "2024-11-29");
        Cli.Result d30 = Cli.run(lake, "validate", "--date", "2024-11-30");

        assertThat(d29.exitCode()).as(d29.out()).isZero();
        assertThat(d30.exitCode()).as(d30.out()).isZero();
        assertThat(d29.out()).contains("read 1700 = processed 1700 + rejected 0 + other-day 0");
    }

    @Test
    void theLedgerRecordsBothRuns() {
        Cli.Result runs = Cli.run(lake, "runs");

        assertThat(runs.out()).contains("2024-11-29", "2024-11-30", "SUCCEEDED");
    }

    /** SPEC §4 computed straight from the sample files, independently of Atlas's parsers. */
    static final class Expected {
        long ndjson;
        long access;
        long errors;
        long clientErrors;
        long serverErrors;
        final Set<String> ips = new HashSet<>();

        static Expected fromSamples(String date) throws IOException {
            Expected e = new Expected();
            for (String line : Files.readAllLines(OriginSamples.file(date, "access_logs_" + date + ".ndjson"))) {
                if (!line.isBlank()) {
                    e.access(JSON.readTree(line));
                    e.ndjson++;
                }
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(OriginSamples.file(date, "api_logs_" + date + ".json.gz")))) {
                for (JsonNode node : JSON.readTree(in)) {
                    e.access(node);
                }
            }
            Matcher m = Pattern.compile("<clientIp>(.*?)</clientIp>").matcher(
                    Files.readString(OriginSamples.file(date, "errors_" + date + ".xml")));
            while (m.find()) {
                e.errors++;
                e.ips.add(m.group(1));
            }
            return e;
        }

        private void access(JsonNode node) {
            access++;
            int status = node.get("status").asInt();
            clientErrors += status / 100 == 4 ? 1 : 0;
            serverErrors += status / 100 == 5 ? 1 : 0;
            ips.add(node.get("ip").asText());
        }
    }
}
