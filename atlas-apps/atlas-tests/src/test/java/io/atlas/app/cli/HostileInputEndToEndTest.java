package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.testing.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §2-§3 on hostile input through the whole pipeline: every file and record is routed, processed or rejected with its reason. */
class HostileInputEndToEndTest {
    @TempDir
    static Path lake;

    static Cli.Result ingest;
    static Cli.Result run29;

    @BeforeAll
    static void dropIngestAndRun() throws IOException {
        String good = Lakes.ndjsonLine("2024-11-29T10:00:00Z", "1.1.1.1", 200);
        Lakes.drop(lake, "raw/ndjson/ok with space=1.ndjson", good);
        Lakes.drop(lake, "raw/ndjson/bom.ndjson", Bytes.concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                (good + "\r\n\r\n" + good).getBytes(StandardCharsets.UTF_8)));
        Lakes.drop(lake, "raw/ndjson/mixed.ndjson", Bytes.concat((good + "not json\n").getBytes(StandardCharsets.UTF_8),
                "{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe}, "\"}\n".getBytes(StandardCharsets.UTF_8),
                ("{\"timestamp\": \"2024-11-29T10:00:00Z\", \"message\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8),
                "{\"timestamp\": \"2024-11-29T10:00:00\", \"ip\": \"1\", \"request_type\": \"GET\", \"status\": 200}\n"
                        .getBytes(StandardCharsets.UTF_8),
                "{\"timestamp\": 1732874400000, \"ip\": \"9.9.9.9\", \"request_type\": \"get\", \"status\": \"404\"}\n"
                        .getBytes(StandardCharsets.UTF_8)));
        Lakes.drop(lake, "raw/ndjson/offset.ndjson", Lakes.ndjsonLine("2024-11-28T23:30:00-02:00", "3.3.3.3", 500));
        Lakes.drop(lake, "raw/xml_errors/xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE errors [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><errors><error><message>&x;</message></error></errors>");
        Lakes.drop(lake, "raw/xml_errors/broken.xml", "<errors><error><errorTime>2024-11-29T10:00:00Z</errorTime>");
        Lakes.drop(lake, "raw/json_gzip/bomb.json.gz", Bytes.gzipOfZeros(3L * 1024 * 1024));
        byte[] gz = Bytes.gzip("[" + good + "]");
        Lakes.drop(lake, "raw/json_gzip/truncated.json.gz", java.util.Arrays.copyOf(gz, gz.length - 6));
        Lakes.drop(lake, "raw/json_gzip/plain.json.gz", "[" + good + "]");
        Lakes.drop(lake, "raw/ndjson/empty.ndjson", "");
        Lakes.drop(lake, "raw/ndjson/no-times.ndjson", "{\"ip\": \"1\"}\n{\"timestamp\": \"soon\"}\n");
        Lakes.drop(lake, "raw/csv/export.csv", "a,b\n1,2\n");
        Lakes.drop(lake, "raw/loose.ndjson", good);
        Path config = lake.resolve("small-limits.properties");
        Files.writeString(config, "atlas.max-decompressed-bytes=1048576\n");

        ingest = Cli.run(lake, "--config", config.toString(), "ingest");
        Cli.run(lake, "--config", config.toString(), "run", "--date", "2024-11-28");
        run29 = Cli.run(lake, "--config", config.toString(), "run", "--date", "2024-11-29", "--validate");
    }

    @Test
    void everyBadFileIsRejectedWithItsReasonAndLeavesRaw() throws IOException {
        assertThat(ingest.exitCode()).as(ingest.out()).isZero();
        assertThat(Lakes.fileRejects(lake)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "raw/xml_errors/xxe.xml", "UNSAFE_XML",
                "raw/xml_errors/broken.xml", "MALFORMED_FILE",
                "raw/json_gzip/bomb.json.gz", "DECOMPRESSION_LIMIT",
                "raw/json_gzip/truncated.json.gz", "CORRUPT_GZIP",
                "raw/json_gzip/plain.json.gz", "FORMAT_MISMATCH",
                "raw/ndjson/empty.ndjson", "EMPTY_FILE",
                "raw/ndjson/no-times.ndjson", "NO_EVENT_TIMESTAMP",
                "raw/csv/export.csv", "UNKNOWN_FORMAT",
                "raw/loose.ndjson", "UNKNOWN_FORMAT"));
        assertThat(lake.resolve("rejected/system/lambda/csv")).isDirectory();
        try (Stream<Path> raw = Files.walk(lake.resolve("raw"))) {
            assertThat(raw.filter(Files::isRegularFile)).isEmpty();
        }
        try (Stream<Path> archive = Files.walk(lake.resolve("archive/validated"))) {
            assertThat(archive.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("ok with space=1.ndjson_"));
        }
    }

    @Test
    void everyBadRecordIsRejectedOnceWithItsReason() {
        assertThat(run29.exitCode()).as(run29.out()).isZero();
        Cli.Result rejects = Cli.run(lake, "query", "--format", "csv", "SELECT reason_code, record_index, "
                + "length(raw_record) <= 65536 AS bounded FROM log_analytics_db.data_quality_rejects ORDER BY record_index");

        assertThat(rejects.outLines()).containsExactlyInAnyOrder("reason_code,record_index,bounded",
                "MALFORMED_RECORD,2,true", "INVALID_ENCODING,3,true", "RECORD_TOO_LARGE,4,true", "TIMESTAMP_WITHOUT_ZONE,5,true");
    }

    @Test
    void goodRecordsOfHostileFilesAreProcessedOnTheirUtcDay() {
        Cli.Result processed = Cli.run(lake, "query", "--format", "csv", "SELECT day, COUNT(*) AS n, "
                + "SUM(CASE WHEN request_type = 'GET' AND status_code = 404 THEN 1 ELSE 0 END) AS epoch_rows "
                + "FROM log_analytics_db.logs GROUP BY day ORDER BY day");

        // 29th: ok(1) + bom(2) + mixed(good line + epoch line = 2); the -02:00 record is on the 29th in UTC.
        assertThat(processed.outLines()).containsExactly("day,n,epoch_rows", "29,6,1");
        assertThat(lake.resolve("validated/ndjson/year=2024/month=11/day=29/offset.ndjson")).exists();
        assertThat(lake.resolve("validated/ndjson/year=2024/month=11/day=28")).doesNotExist();
    }

    @Test
    void theRunReconciles() {
        assertThat(run29.out()).contains("validate").contains("SUCCEEDED");
        assertThat(Cli.run(lake, "validate", "--date", "2024-11-29").exitCode()).isZero();
        assertThat(List.of(ingest.out().split("\n"))).anyMatch(l -> l.contains("9 rejected"));
    }
}
