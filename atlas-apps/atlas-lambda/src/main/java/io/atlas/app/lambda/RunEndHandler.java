package io.atlas.app.lambda;

import io.atlas.app.service.JobFailure;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.app.service.DayChangeLog;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.run.RunId;
import io.atlas.ports.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last state for each date. {@code "outcome": "succeeded"}: clears the pending markers the plan snapshotted for
 * this execution and date ({@link PlanSnapshots}; later ones stay) with batch deletes, then the snapshot. {@code "outcome": "failed"}: writes the failure the Catch caught to
 * {@code rejected/system/glue/<step>/<date>/<execution>.json}. Returns a subject and message for the SNS summary.
 */
public final class RunEndHandler implements RequestStreamHandler {
    private final ObjectStore store;

    public RunEndHandler() {
        this(LambdaEnvironment.from(System.getenv()).store());
    }

    public RunEndHandler(ObjectStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode request = JsonLines.JSON.readTree(input);
        LocalDate date = LocalDate.parse(request.path("process_date").asText());
        String execution = PlanSnapshots.safe(request.path("execution").asText("execution"));
        ObjectNode response = JsonLines.JSON.createObjectNode();
        response.put("process_date", date.toString());
        if ("succeeded".equals(request.path("outcome").asText())) {
            PlanSnapshots snapshots = new PlanSnapshots(store);
            List<ObjectKey> markers = new ArrayList<>(snapshots.read(execution, date).orElse(List.of()));
            request.path("pending_markers").forEach(m -> markers.add(ObjectKey.of(m.asText())));
            new DayChangeLog(store).clear(markers);
            snapshots.delete(execution, date);
            response.put("subject", "Atlas " + date + ": SUCCEEDED");
            response.put("message", "Atlas ran " + date + " (execution " + execution + "): normalize, crawl, aggregate, crawl.\n"
                    + "Steps: " + request.path("steps").toString());
        } else {
            String step = request.path("failed_step").asText("unknown");
            JsonNode error = request.path("error");
            new JobFailure(RunId.of(execution), step, date, error.path("Cause").asText(), error.path("Error").asText(),
                    "INTERNAL", false, Optional.empty(), Optional.empty(), List.of()).write(store);
            response.put("subject", "Atlas " + date + ": FAILED in " + step);
            response.put("message", "Atlas run of " + date + " (execution " + execution + ") failed in " + step + ": "
                    + error.path("Error").asText() + "\n" + error.path("Cause").asText());
        }
        context.getLogger().log(response.toString());
        output.write(response.toString().getBytes(StandardCharsets.UTF_8));
    }
}
