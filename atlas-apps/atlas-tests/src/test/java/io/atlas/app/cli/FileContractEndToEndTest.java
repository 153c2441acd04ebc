package io.atlas.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.atlas.domain.testing.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §2-§3's file-level sentences on the cases a harder corpus found through the whole pipeline: a JSON array or
 * XML document not well-formed past its first records, a gzip file that compresses far better than 200:1, unknown
 * fields of extreme depth and length, and XML in UTF-16.
 */
class FileContractEndToEndTest {
    private static final String DAY = "2024-11-29";
    /** About 70 MiB of one long access line, gzip'd: some 1000:1. */
    private static final int COMPRESSIBLE_LINES = 19_000;

    @TempDir
    static Path lake;

    static Cli.Result ingest;
    static Cli.Result run;

    private static String line(int second) {
        return Lakes.ndjsonLine(String.format("%sT10:00:%02dZ", DAY, second), "10.0.0." + second, 200).strip();
    }

    private static String longLine() {
        return line(5).replace("\"endpoint\"", "\"message\": \"" + "retrying upstream ".repeat(200) + "\", \"endpoint\"");
    }

    private static String xmlErrors(String declaredEncoding) {
        return "<?xml version=\"1.0\" encoding=\"" + declaredEncoding + "\"?>\n<errors>\n"
                + "  <error><errorTime>" + DAY + "T01:00:00Z</errorTime><clientIp>10.9.9.9</clientIp>"
                + "<service>auth_service</service><errorCode>503</errorCode><message>caf\u00e9 \u4e16\u754c</message></error>\n"
                + "  <error><errorTime>" + DAY + "T02:00:00Z</errorTime><clientIp>10.9.9.8</clientIp>"
                + "<service>auth_service</service><errorCode>500</errorCode><message>x</message></error>\n</errors>\n";
    }

    @BeforeAll
    static void dropIngestAndRun() throws IOException {
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            many.append(line(i % 60)).append(",\n");
        }
        Lakes.drop(lake, "raw/json_gzip/broken-after-300.json.gz", Bytes.gzip(many + "{\"a\": tru},\n" + line(1) + "]"));
        Lakes.drop(lake, "raw/json_gzip/missing-comma.json.gz", Bytes.gzip("[" + line(1) + ",\n" + line(2) + "\n" + line(3) + "]"));
        Lakes.drop(lake, "raw/xml_errors/trailing-garbage.xml", xmlErrors("UTF-8") + "garbage");
        Lakes.drop(lake, "raw/json_gzip/compressible.json.gz", Bytes.gzipOfRepeated(
                (longLine() + "\n").getBytes(StandardCharsets.UTF_8), COMPRESSIBLE_LINES * (longLine().length() + 1L)));
        Lakes.drop(lake, "raw/ndjson/extreme-fields.ndjson", String.join("\n",
                line(6).replace("}", ", \"extra\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
                line(7).replace("}", ", \"extra\": " + "9".repeat(5_000) + "}"),
                line(8).replace("\"status\": 200", "\"status\": " + "4".repeat(1001)),
                line(9).replace("\"timestamp\": \"" + DAY + "T10:00:09Z\"", "\"timestamp\": " + "1".repeat(1001))) + "\n");
        Lakes.drop(lake, "raw/xml_errors/utf16le.xml", Bytes.concat(new byte[] {(byte) 0xff, (byte) 0xfe},
                xmlErrors("UTF-16").getBytes(StandardCharsets.UTF_16LE)));
        Lakes.drop(lake, "raw/xml_errors/utf16be.xml", Bytes.concat(new byte[] {(byte) 0xfe, (byte) 0xff},
                xmlErrors("UTF-16").getBytes(StandardCharsets.UTF_16BE)));
        Lakes.drop(lake, "raw/xml_errors/latin1.xml", xmlErrors("ISO-8859-1").replace(" \u4e16\u754c", "")
                .getBytes(StandardCharsets.ISO_8859_1));
        Lakes.drop(lake, "raw/ndjson/utf16.ndjson", Bytes.concat(new byte[] {(byte) 0xff, (byte) 0xfe},
                (line(10) + "\n").getBytes(StandardCharsets.UTF_16LE)));

        ingest = Cli.run(lake, "ingest");
        run = Cli.run(lake, "run", "--date", DAY, "--validate");
    }

    private static String query(String sql) {
        Cli.Result result = Cli.run(lake, "query", "--format", "csv", sql);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return String.join("\n", result.outLines());
    }

    @Test
    void filesThatAreNotWellFormedOrNotUtf8JsonAreRejectedWholeAndTheRestRouted() {
        assertThat(ingest.exitCode()).as(ingest.out() + ingest.err()).isZero();
        assertThat(Lakes.fileRejects(lake)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "raw/json_gzip/broken-after-300.json.gz", "MALFORMED_FILE",
                "raw/json_gzip/missing-comma.json.gz", "MALFORMED_FILE",
                "raw/xml_errors/trailing-garbage.xml", "MALFORMED_FILE",
                "raw/ndjson/utf16.ndjson", "FORMAT_MISMATCH"));
        assertThat(lake.resolve("validated/json_gzip/year=2024/month=11/day=29/compressible.json.gz")).exists();
        assertThat(lake.resolve("validated/xml_errors/year=2024/month=11/day=29/utf16le.xml")).exists();
        assertThat(lake.resolve("validated/xml_errors/year=2024/month=11/day=29/utf16be.xml")).exists();
    }

    @Test
    void everyRecordOfTheRoutedFilesIsProcessedOrRejectedWithItsFieldsReason() {
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        assertThat(query("SELECT regexp_extract(source_file, '[^/]+$') AS file, COUNT(*) AS n FROM log_analytics_db.logs "
                + "GROUP BY file ORDER BY file")).isEqualTo(String.join("\n", "file,n", "compressible.json.gz," + COMPRESSIBLE_LINES,
                "extreme-fields.ndjson,2", "latin1.xml,2", "utf16be.xml,2", "utf16le.xml,2"));
        assertThat(query("SELECT reason_code, record_index FROM log_analytics_db.data_quality_rejects ORDER BY record_index"))
                .isEqualTo("reason_code,record_index\nINVALID_STATUS,3\nINVALID_TIMESTAMP,4");
        assertThat(query("SELECT DISTINCT message FROM log_analytics_db.logs WHERE message LIKE 'caf%' ORDER BY message"))
                .isEqualTo("message\ncaf\u00e9\ncaf\u00e9 \u4e16\u754c");
        assertThat(run.out()).contains("validate").contains("SUCCEEDED");
    }
}
