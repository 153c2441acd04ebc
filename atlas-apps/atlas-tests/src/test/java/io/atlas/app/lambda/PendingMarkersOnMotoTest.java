package io.atlas.app.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atlas.aws.s3.S3Location;
import io.atlas.aws.s3.S3ObjectStore;
import io.atlas.aws.testing.MotoServer;
import io.atlas.domain.lake.ObjectKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * 10,000 pending markers over five days, on moto's S3: the plan step's answer (what Step Functions keeps in the
 * execution's state, capped at 256 KB) stays a few hundred bytes, and a succeeded date clears exactly its planned
 * markers with DeleteObjects batches, not a HEAD and a DELETE per marker.
 */
class PendingMarkersOnMotoTest {
    @RegisterExtension
    static final MotoServer MOTO = MotoServer.shared();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FIRST = LocalDate.of(2024, 11, 25);
    private static final int DAYS = 5;
    private static final int PER_DAY = 2_000;
    private static final Map<String, AtomicLong> CALLS = new ConcurrentHashMap<>();
    private static S3ObjectStore store;

    @BeforeAll
    static void tenThousandMarkers() throws Exception {
        S3Client s3 = MOTO.configure(S3Client.builder(), "test", "test").forcePathStyle(true)
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                        CALLS.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                })).build();
        s3.createBucket(b -> b.bucket("pending-lake"));
        store = new S3ObjectStore(s3, new S3Location("pending-lake", ""));
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> writes = new ArrayList<>();
        for (int day = 0; day < DAYS; day++) {
            LocalDate date = FIRST.plusDays(day);
            for (int i = 0; i < PER_DAY; i++) {
                ObjectKey marker = ObjectKey.of("_atlas/pending/" + date + "/run-" + i + "-0123456789abcdef");
                writes.add(writers.submit(() -> store.write(marker, "raw/ndjson/file.ndjson".getBytes(StandardCharsets.UTF_8))));
            }
        }
        for (Future<?> write : writes) {
            write.get();
        }
        writers.shutdown();
    }

    private static JsonNode invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, String payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out, new TestContext("req"));
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void thePlanOfTenThousandMarkersStaysSmallAndASucceededDateClearsOnlyItsPlannedMarkersInBatches() throws IOException {
        ByteArrayOutputStream planned = new ByteArrayOutputStream();
        new PlanHandler(store, 30, 2).handleRequest(new ByteArrayInputStream(
                "{\"request\": {\"trigger_time\": \"2024-11-30T00:00:00Z\"}, \"execution\": \"exec-1\"}".getBytes(StandardCharsets.UTF_8)),
                planned, new TestContext("plan"));
        JsonNode plan = JSON.readTree(planned.toByteArray());

        assertThat(planned.size()).isLessThan(1024);
        assertThat(plan.path("dates")).extracting(d -> d.path("process_date").asText())
                .containsExactly("2024-11-25", "2024-11-26", "2024-11-27", "2024-11-28", "2024-11-29");
        assertThat(plan.toString()).doesNotContain("_atlas/pending/");

        ObjectKey late = ObjectKey.of("_atlas/pending/" + FIRST + "/late-run-fedcba9876543210");
        store.write(late, "raw/ndjson/late.ndjson".getBytes(StandardCharsets.UTF_8));
        CALLS.clear();

        JsonNode end = invoke(new RunEndHandler(store), "{\"outcome\": \"succeeded\", \"process_date\": \"" + FIRST
                + "\", \"execution\": \"exec-1\", \"steps\": {}}");

        assertThat(end.path("subject").asText()).isEqualTo("Atlas 2024-11-25: SUCCEEDED");
        assertThat(store.list("_atlas/pending/" + FIRST + "/")).extracting(o -> o.key()).containsExactly(late);
        assertThat(store.list("_atlas/pending/" + FIRST.plusDays(1) + "/")).hasSize(PER_DAY);
        assertThat(CALLS.get("DeleteObjects")).hasValue(2);
        assertThat(CALLS.getOrDefault("HeadObject", new AtomicLong()).get()).isLessThanOrEqualTo(2);
        assertThat(CALLS.getOrDefault("DeleteObject", new AtomicLong()).get()).isLessThanOrEqualTo(1);
        assertThat(store.list("_atlas/plans/exec-1/" + FIRST)).isEmpty();
    }
}
