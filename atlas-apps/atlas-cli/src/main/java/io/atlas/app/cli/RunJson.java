package io.atlas.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.StepRecord;
import java.util.List;

/** Runs as JSON for scripts. */
final class RunJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunJson() {}

    static String render(List<RunRecord> runs) {
        ArrayNode array = JSON.createArrayNode();
        for (RunRecord run : runs) {
            ObjectNode node = array.addObject();
            node.put("run_id", run.runId().value());
            node.put("kind", run.kind().wireName());
            node.put("process_date", run.processDate().map(Object::toString).orElse(null));
            node.put("state", run.state().name());
            node.put("started_at", run.startedAt().toString());
            node.put("ended_at", run.endedAt().map(Object::toString).orElse(null));
            ArrayNode steps = node.putArray("steps");
            for (StepRecord step : run.steps()) {
                ObjectNode entry = steps.addObject();
                entry.put("name", step.name().wireName());
                entry.put("state", step.state().name());
                ObjectNode counts = entry.putObject("counts");
                step.counts().forEach(counts::put);
                entry.put("error", step.error().orElse(null));
            }
        }
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render runs", e);
        }
    }
}
