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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A 200 MB file through the ingestion Lambda in a JVM capped at 256 MB of heap (this class runs in its own fork with
 * {@code -Xmx256m}): the handler streams, it never holds the object.
 */
class LambdaLargeFileTest {
    @RegisterExtension
    static final com.adobe.testing.s3mock.junit5.S3MockExtension S3_MOCK = S3TestSupport.S3_MOCK;
    private static final long SIZE = 200L * 1024 * 1024;

    @Test
    void aTwoHundredMegabyteFileIsRoutedWithinA256MegabyteHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(300L * 1024 * 1024);
        S3Client s3 = S3TestSupport.client();
        String bucket = S3TestSupport.bucket(s3);
        S3ObjectStore store = new S3ObjectStore(s3, new S3Location(bucket, ""));
        byte[] line = ("{\"timestamp\": \"2024-11-29T10:00:00Z\", \"ip\": \"10.0.0.1\", \"user_agent\": \"Chrome/120.0\", "
                + "\"request_type\": \"GET\", \"status\": 200, \"endpoint\": \"/home\"}\n").getBytes(StandardCharsets.UTF_8);
        long lines = SIZE / line.length;
        store.write(ObjectKey.of("raw/ndjson/big.ndjson"), Bytes.repeated(line, lines));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new IngestionHandler(new S3Location(bucket, ""), store, Clock.fixed(Instant.parse("2024-11-30T00:00:00Z"), ZoneOffset.UTC))
                .handleRequest(new ByteArrayInputStream(S3Events.objectCreated(bucket, "raw/ndjson/big.ndjson", lines * line.length)
                        .getBytes(StandardCharsets.UTF_8)), out, new TestContext("req-big"));

        JsonNode result = new ObjectMapper().readTree(out.toByteArray()).get("files").get(0);
        assertThat(result.get("outcome").asText()).isEqualTo("routed");
        assertThat(result.get("records").asLong()).isEqualTo(lines);
        assertThat(store.stat(ObjectKey.of("validated/ndjson/year=2024/month=11/day=29/big.ndjson")).orElseThrow().size())
                .isEqualTo(lines * line.length);
    }
}
