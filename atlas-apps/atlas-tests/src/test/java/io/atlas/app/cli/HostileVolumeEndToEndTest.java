package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile shapes and volumes through the whole pipeline: never a crash, never a silent loss. */
class HostileVolumeEndToEndTest {
    @TempDir
    Path lake;

    private String query(String sql) {
        return String.join("\n", Cli.run(lake, "query", "--format", "csv", sql).outLines());
    }

    @Test
    void aHundredMegabyteLineIsOneTooLargeRecordAndItsNeighboursSurvive() throws IOException {
        Path file = lake.resolve("raw/ndjson/huge-line.ndjson");
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(Lakes.ndjsonLine("2024-11-29T10:00:00Z", "1.1.1.1", 200).getBytes(StandardCharsets.UTF_8));
            out.write("{\"timestamp\": \"2024-11-29T10:00:01Z\", \"message\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
            out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
            out.write(Lakes.ndjsonLine("2024-11-29T10:00:02Z", "2.2.2.2", 200).getBytes(StandardCharsets.UTF_8));
        }

        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29", "--validate").exitCode()).isZero();

        assertThat(query("SELECT COUNT(*) AS n FROM log_analytics_db.logs")).isEqualTo("n\n2");
        assertThat(query("SELECT reason_code, record_index, length(raw_record) AS kept FROM log_analytics_db.data_quality_rejects"))
                .isEqualTo("reason_code,record_index,kept\nRECORD_TOO_LARGE,2,65536");
    }

    @Test
    void tenThousandTinyFilesInOneDay() throws IOException {
        for (int i = 0; i < 10_000; i++) {
            Lakes.drop(lake, String.format("validated/ndjson/year=2024/month=11/day=29/tiny/%05d.ndjson", i),
                    Lakes.ndjsonLine(String.format("2024-11-29T%02d:%02d:%02dZ", i / 3600 % 24, i / 60 % 60, i % 60), "10.0." + i / 250 + "." + i % 250, 200));
        }

        Cli.Result run = Cli.run(lake, "run", "--date", "2024-11-29");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("files=10000");
        assertThat(query("SELECT total_requests, unique_ips FROM log_analytics_db.daily_activity")).isEqualTo("total_requests,unique_ips\n10000,10000");
    }

    @Test
    void deeplyNestedJsonIsNotACrashAndAnUnknownFieldOfAnyDepthIsIgnored() {
        // SPEC §3: unknown extra fields are ignored, whatever their depth (issue 15 item 11); a known one has the wrong type.
        String deep = "{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"1\", \"request_type\": \"GET\", \"status\": 200, \"x\": "
                + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String deepIp = "{\"timestamp\": \"2024-11-29T10:00:01Z\", \"ip\": " + "[".repeat(100_000) + "]".repeat(100_000)
                + ", \"request_type\": \"GET\", \"status\": 200}";
        Lakes.drop(lake, "raw/ndjson/deep.ndjson", Lakes.ndjsonLine("2024-11-29T09:00:00Z", "1.1.1.1", 200) + deep + "\n" + deepIp + "\n");

        assertThat(Cli.run(lake, "ingest").exitCode()).isZero();
        assertThat(Cli.run(lake, "run", "--date", "2024-11-29").exitCode()).isZero();

        assertThat(query("SELECT reason_code FROM log_analytics_db.data_quality_rejects")).isEqualTo("reason_code\nINVALID_FIELD_TYPE");
        assertThat(query("SELECT COUNT(*) AS n FROM log_analytics_db.logs")).isEqualTo("n\n2");
    }

    @Test
    void fileNamesThatCannotBeKeysAreReportedAndLeftInPlace() throws IOException {
        Lakes.drop(lake, "raw/ndjson/bell\u0007name.ndjson", Lakes.ndjsonLine("2024-11-29T09:00:00Z", "1.1.1.1", 200));
        Lakes.drop(lake, "raw/ndjson/a%2Fb ok.ndjson", Lakes.ndjsonLine("2024-11-29T09:00:00Z", "1.1.1.1", 200));

        Cli.Result ingest = Cli.run(lake, "ingest");

        assertThat(ingest.exitCode()).isEqualTo(1);
        assertThat(ingest.out()).contains("failed   raw/ndjson/bell?name.ndjson: Cannot ingest this file").contains("1 failed");
        assertThat(lake.resolve("raw/ndjson/bell\u0007name.ndjson")).exists();
        assertThat(lake.resolve("validated/ndjson/year=2024/month=11/day=29/a%2Fb ok.ndjson")).exists();
    }
}
