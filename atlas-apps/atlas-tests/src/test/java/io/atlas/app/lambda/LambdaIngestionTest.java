package io.atlas.app.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atlas.aws.S3TestSupport;
import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.testing.Bytes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** The ingestion Lambda invoked with real S3 event JSON against S3Mock. */
class LambdaIngestionTest {
    @RegisterExtension
    static final com.adobe.testing.s3mock.junit5.S3MockExtension S3_MOCK = S3TestSupport.S3_MOCK;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "lake/";

    private S3Client s3;
    private String bucket;
    private S3ObjectStore store;
    private IngestionHandler handler;

    @BeforeEach
    void bucket() {
        s3 = S3TestSupport.client();
        bucket = S3TestSupport.bucket(s3);
        store = new S3ObjectStore(s3, new S3Location(bucket, PREFIX));
        handler = new IngestionHandler(new S3Location(bucket, PREFIX), store,
                Clock.fixed(Instant.parse("2024-11-30T00:05:09Z"), ZoneOffset.UTC));
    }

    private JsonNode deliver(String lakeKey, byte[] content) throws IOException {
        s3.putObject(b -> b.bucket(bucket).key(PREFIX + lakeKey), RequestBody.fromBytes(content));
        return invoke(lakeKey, content.length, "req-1");
    }

    private JsonNode invoke(String lakeKey, long size, String requestId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TestContext context = new TestContext(requestId);
        handler.handleRequest(new ByteArrayInputStream(S3Events.objectCreated(bucket, PREFIX + lakeKey, size)
                .getBytes(StandardCharsets.UTF_8)), out, context);
        assertThat(context.lines).allSatisfy(line -> JSON.readTree(line));
        assertThat(context.lines).anyMatch(line -> line.contains("\"CloudWatchMetrics\""));
        return JSON.readTree(out.toByteArray()).get("files").get(0);
    }

    private static String line(String ts) {
        return "{\"timestamp\": \"" + ts + "\", \"ip\": \"1.2.3.4\", \"request_type\": \"GET\", \"status\": 200}\n";
    }

    @Test
    void routesANormalFileAndArchivesIt() throws IOException {
        JsonNode result = deliver("raw/ndjson/a.ndjson", (line("2024-11-29T10:00:00Z") + line("2024-11-29T11:00:00Z"))
                .getBytes(StandardCharsets.UTF_8));

        assertThat(result.get("outcome").asText()).isEqualTo("routed");
        assertThat(store.exists(ObjectKey.of("validated/ndjson/year=2024/month=11/day=29/a.ndjson"))).isTrue();
        assertThat(store.exists(ObjectKey.of("archive/validated/ndjson/a.ndjson_20241130T000509Z_req-1"))).isTrue();
        assertThat(store.exists(ObjectKey.of("raw/ndjson/a.ndjson"))).isFalse();
    }

    @Test
    void routesAFileSpanningMidnightToBothDays() throws IOException {
        JsonNode result = deliver("raw/ndjson/span.ndjson", (line("2024-11-29T23:59:59Z") + line("2024-11-30T00:00:00Z"))
                .getBytes(StandardCharsets.UTF_8));

        assertThat(result.get("days").toString()).isEqualTo("[\"2024-11-29\",\"2024-11-30\"]");
        assertThat(store.exists(ObjectKey.of("validated/ndjson/year=2024/month=11/day=29/span.ndjson"))).isTrue();
        assertThat(store.exists(ObjectKey.of("validated/ndjson/year=2024/month=11/day=30/span.ndjson"))).isTrue();
    }

    @Test
    void aDuplicateEventChangesNothing() throws IOException {
        deliver("raw/ndjson/a.ndjson", line("2024-11-29T10:00:00Z").getBytes(StandardCharsets.UTF_8));
        List<String> before = store.list("").stream().map(o -> o.key().value()).toList();

        JsonNode again = invoke("raw/ndjson/a.ndjson", 10, "req-2");

        assertThat(again.get("outcome").asText()).isEqualTo("gone");
        assertThat(store.list("").stream().map(o -> o.key().value()).toList()).isEqualTo(before);
    }

    @Test
    void decodesKeysWithSpacesAndEquals() throws IOException {
        JsonNode result = deliver("raw/ndjson/team a/part=1 b.ndjson", line("2024-11-29T10:00:00Z").getBytes(StandardCharsets.UTF_8));

        assertThat(result.get("key").asText()).isEqualTo(PREFIX + "raw/ndjson/team a/part=1 b.ndjson");
        assertThat(store.exists(ObjectKey.of("validated/ndjson/year=2024/month=11/day=29/team a/part=1 b.ndjson"))).isTrue();
    }

    @Test
    void rejectsEachFileLevelFaultWithItsReasonAndSidecar() throws IOException {
        byte[] good = Bytes.gzip("[" + line("2024-11-29T10:00:00Z").strip() + "]");
        Object[][] cases = {
            {"raw/csv/x.csv", "a,b\n".getBytes(StandardCharsets.UTF_8), "UNKNOWN_FORMAT"},
            {"raw/ndjson/x.ndjson", Bytes.gzip("x"), "FORMAT_MISMATCH"},
            {"raw/ndjson/empty.ndjson", new byte[0], "EMPTY_FILE"},
            {"raw/json_gzip/x.json.gz", java.util.Arrays.copyOf(good, good.length - 5), "CORRUPT_GZIP"},
            {"raw/xml_errors/x.xml", "<errors><error>".getBytes(StandardCharsets.UTF_8), "MALFORMED_FILE"},
            {"raw/xml_errors/dtd.xml", "<!DOCTYPE errors [<!ENTITY a \"b\">]><errors/>".getBytes(StandardCharsets.UTF_8), "UNSAFE_XML"},
            {"raw/ndjson/none.ndjson", "{\"timestamp\": \"never\"}\n".getBytes(StandardCharsets.UTF_8), "NO_EVENT_TIMESTAMP"},
        };
        for (Object[] c : cases) {
            JsonNode result = deliver((String) c[0], (byte[]) c[1]);
            assertThat(result.get("reason_code").asText()).as((String) c[0]).isEqualTo(c[2]);
            String rejectKey = result.get("reject_key").asText();
            JsonNode sidecar = JSON.readTree(store.readAllBytes(ObjectKey.of(rejectKey + ".error.json")));
            assertThat(sidecar.get("reason_code").asText()).isEqualTo(c[2]);
            assertThat(sidecar.get("source_key").asText()).isEqualTo(c[0]);
            assertThat(store.exists(ObjectKey.of((String) c[0]))).isFalse();
        }
    }

    @Test
    void ignoresKeysOutsideTheLakesRaw() throws IOException {
        s3.putObject(b -> b.bucket(bucket).key("elsewhere/x.ndjson"), RequestBody.fromString("x"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        handler.handleRequest(new ByteArrayInputStream(S3Events.objectCreated(bucket, "elsewhere/x.ndjson", 1)
                .getBytes(StandardCharsets.UTF_8)), out, new TestContext("req-9"));

        assertThat(JSON.readTree(out.toByteArray()).get("files").get(0).get("outcome").asText()).isEqualTo("skipped");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("elsewhere/x.ndjson")).contentLength()).isEqualTo(1);
    }

    @Test
    void keysThatWouldLeaveTheLakeOrCannotBeKeysAreSkippedAndLogged() throws IOException {
        for (String hostile : new String[] {"raw/ndjson/../../secrets.ndjson", "raw/ndjson/a\u0007b.ndjson", "raw/../validated/x"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(S3Events.objectCreated(bucket, PREFIX + hostile, 1)
                    .getBytes(StandardCharsets.UTF_8)), out, new TestContext("req-h"));
            assertThat(JSON.readTree(out.toByteArray()).get("files").get(0).get("outcome").asText()).as(hostile).isEqualTo("skipped");
        }
        assertThat(store.list("validated/")).isEmpty();
    }

    @Test
    void namesThatCollideOnlyAfterDecodingStayDistinct() throws IOException {
        deliver("raw/ndjson/a%20b.ndjson", line("2024-11-29T10:00:00Z").getBytes(StandardCharsets.UTF_8));
        deliver("raw/ndjson/a b.ndjson", line("2024-11-29T11:00:00Z").getBytes(StandardCharsets.UTF_8));

        assertThat(store.list("validated/ndjson/year=2024/month=11/day=29/")).extracting(o -> o.key().fileName())
                .containsExactly("a b.ndjson", "a%20b.ndjson");
    }
}
