package io.atlas.app.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * Structured log lines for CloudWatch: one JSON object per event, and counts in the CloudWatch Embedded Metric Format
 * so they become metrics without an API call.
 */
public final class JsonLines {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String NAMESPACE = "Atlas";

    private JsonLines() {}

    public static ObjectNode event(String event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", event);
        return node;
    }

    /** An Embedded Metric Format line: {@code metrics} (counts) under dimension {@code dimension=value}. */
    public static String metrics(Instant at, String dimension, String value, Map<String, Long> metrics) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add(dimension);
        var definitions = directive.putArray("Metrics");
        root.put(dimension, value);
        metrics.forEach((name, count) -> {
            definitions.addObject().put("Name", name).put("Unit", "Count");
            root.put(name, count);
        });
        return root.toString();
    }
}
