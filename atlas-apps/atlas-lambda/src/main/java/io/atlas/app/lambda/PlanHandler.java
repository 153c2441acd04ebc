package io.atlas.app.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.app.service.DayChangeLog;
import io.atlas.domain.lake.ObjectKey;
import io.atlas.domain.schedule.SchedulePlan;
import io.atlas.ports.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * The first state of the pipeline state machine: which dates this execution runs. Input is one of
 * {@code {"trigger_time": "<aws.scheduler.scheduled-time>"}} (the daily schedule: yesterday plus pending days within
 * the lookback window, by {@link SchedulePlan}), {@code {"process_date": "D"}} or {@code {"process_dates": [...]}}
 * (manual runs and backfills), given as is or, from the state machine, as {@code {"request": ..., "execution": name}}.
 * Output: {@code {"dates": [{"process_date"}], "too_old": [...], "max_concurrency": n}}, a few bytes a date whatever
 * the number of pending files: each date's markers are snapshotted in the lake ({@link PlanSnapshots}) under the
 * execution's name and cleared only when the date's four steps succeed.
 */
public final class PlanHandler implements RequestStreamHandler {
    private final DayChangeLog changes;
    private final PlanSnapshots snapshots;
    private final int lookbackDays;
    private final int mapConcurrency;

    public PlanHandler() {
        this(LambdaEnvironment.from(System.getenv()));
    }

    public PlanHandler(LambdaEnvironment environment) {
        this(environment.store(), environment.lookbackDays(), environment.mapConcurrency());
    }

    public PlanHandler(ObjectStore store, int lookbackDays, int mapConcurrency) {
        this.changes = new DayChangeLog(store);
        this.snapshots = new PlanSnapshots(store);
        this.lookbackDays = lookbackDays;
        this.mapConcurrency = mapConcurrency;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode payload = JsonLines.JSON.readTree(input);
        JsonNode request = payload.has("request") ? payload.get("request") : payload;
        String execution = payload.path("execution").asText("");
        List<LocalDate> dates = new ArrayList<>();
        List<LocalDate> tooOld = new ArrayList<>();
        SortedMap<LocalDate, List<ObjectKey>> pending = changes.markersByDay();
        if (request.hasNonNull("trigger_time")) {
            SchedulePlan plan = SchedulePlan.forTrigger(Instant.parse(request.get("trigger_time").asText()),
                    pending.keySet(), lookbackDays);
            dates.addAll(plan.run());
            tooOld.addAll(plan.tooOld());
        } else if (request.hasNonNull("process_date")) {
            dates.add(LocalDate.parse(request.get("process_date").asText()));
        } else if (request.has("process_dates")) {
            request.get("process_dates").forEach(d -> dates.add(LocalDate.parse(d.asText())));
        } else {
            throw new IllegalArgumentException("Cannot plan: give trigger_time, process_date or process_dates");
        }
        ObjectNode response = JsonLines.JSON.createObjectNode();
        ArrayNode planned = response.putArray("dates");
        for (LocalDate date : dates.stream().distinct().sorted().toList()) {
            planned.addObject().put("process_date", date.toString());
            if (!execution.isEmpty()) {
                snapshots.save(execution, date, pending.getOrDefault(date, List.of()));
            }
        }
        response.put("max_concurrency", mapConcurrency);
        ArrayNode old = response.putArray("too_old");
        tooOld.forEach(d -> old.add(d.toString()));
        ObjectNode log = JsonLines.event("plan");
        log.set("plan", response);
        context.getLogger().log(log.toString());
        output.write(response.toString().getBytes(StandardCharsets.UTF_8));
    }
}
