package io.atlas.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.app.service.DayChangeLog;
import io.atlas.app.service.IngestOutcome;
import io.atlas.app.service.IngestionService;
import io.atlas.app.service.RoutingIndex;
import io.atlas.aws.s3.S3Location;
import io.atlas.domain.file.ReadLimits;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunContext;
import io.atlas.domain.run.RunId;
import io.atlas.ports.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;

/**
 * The ingestion Lambda: SPEC §2 for each object an S3 event names under the lake's {@code raw/}. The event is read
 * with the SDK's {@link S3EventNotification} (keys URL-decoded), one file per record, through the same
 * {@link IngestionService} as {@code atlas ingest}: the file streams, its memory stays bounded whatever its size. A
 * duplicate event, or one for a file already gone, changes nothing. A storage failure fails the invocation so Lambda
 * retries it; the file stays in {@code raw/}. Logs one JSON line per file and the counts as EMF metrics.
 */
public final class IngestionHandler implements RequestStreamHandler {
    private final S3Location lake;
    private final IngestionService ingestion;
    private final Clock clock;

    /** The handler Lambda instantiates: configured from the environment. */
    public IngestionHandler() {
        this(LambdaEnvironment.from(System.getenv()), Clock.systemUTC());
    }

    public IngestionHandler(LambdaEnvironment environment, Clock clock) {
        this(S3Location.parse(environment.lake()), environment.store(), environment.settings().normalization().limits(),
                clock);
    }

    /** A handler with the default read limits. */
    public IngestionHandler(S3Location lake, ObjectStore store, Clock clock) {
        this(lake, store, ReadLimits.DEFAULTS, clock);
    }

    public IngestionHandler(S3Location lake, ObjectStore store, ReadLimits limits, Clock clock) {
        this.lake = lake;
        this.ingestion = new IngestionService(store, limits, new RoutingIndex(store), new DayChangeLog(store));
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        S3EventNotification event = S3EventNotification.fromJson(input);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RunContext run = new RunContext(RunId.of(context.getAwsRequestId().replaceAll("[^A-Za-z0-9._-]", "-")), now);
        Map<String, Long> counts = new TreeMap<>(Map.of("FilesRouted", 0L, "FilesRejected", 0L, "FilesGone", 0L, "FilesSkipped", 0L));
        ArrayNode results = JsonLines.JSON.createArrayNode();
        for (S3EventNotificationRecord record : event.getRecords()) {
            ObjectNode line = handle(record, run);
            counts.merge(line.path("counter").asText(), 1L, Long::sum);
            line.remove("counter");
            context.getLogger().log(line.toString());
            results.add(line);
        }
        context.getLogger().log(JsonLines.metrics(now, "Function", "ingestion", counts));
        ObjectNode response = JsonLines.JSON.createObjectNode();
        response.put("run_id", run.runId().value());
        response.set("files", results);
        output.write(response.toString().getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode handle(S3EventNotificationRecord record, RunContext run) {
        String bucket = record.getS3().getBucket().getName();
        String key = record.getS3().getObject().getUrlDecodedKey();
        ObjectNode line = JsonLines.event("ingest");
        line.put("bucket", bucket);
        line.put("key", key);
        line.put("run_id", run.runId().value());
        String lakeKey = bucket.equals(lake.bucket()) ? lake.lakeKey(key) : null;
        if (lakeKey == null || !lakeKey.startsWith(LakeLayout.RAW) || !ObjectKey.isValid(lakeKey)) {
            line.put("outcome", "skipped");
            line.put("detail", "not a key of this lake's raw/ (" + lake + ")");
            line.put("counter", "FilesSkipped");
            return line;
        }
        IngestOutcome outcome = ingestion.ingest(ObjectKey.of(lakeKey), run);
        if (outcome instanceof IngestOutcome.Routed routed) {
            line.put("outcome", "routed");
            ArrayNode days = line.putArray("days");
            routed.days().forEach(d -> days.add(d.toString()));
            line.put("records", routed.records());
            line.put("stale_copies_removed", routed.staleCopiesRemoved().size());
            line.put("counter", "FilesRouted");
        } else if (outcome instanceof IngestOutcome.Rejected rejected) {
            line.put("outcome", "rejected");
            line.put("reason_code", rejected.reason().name());
            line.put("detail", rejected.detail());
            line.put("reject_key", rejected.rejectKey().value());
            line.put("counter", "FilesRejected");
        } else {
            line.put("outcome", "gone");
            line.put("detail", "already ingested: a duplicate or late event");
            line.put("counter", "FilesGone");
        }
        return line;
    }
}
