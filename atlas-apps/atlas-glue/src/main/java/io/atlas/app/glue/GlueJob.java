package io.atlas.app.glue;

import io.atlas.app.service.JobFailure;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.atlas.app.service.RunContexts;
import io.atlas.app.wiring.LakeStores;
import io.atlas.domain.lake.LakeLayout;
import io.atlas.domain.normalize.NormalizationSettings;
import io.atlas.domain.run.RunContext;
import io.atlas.domain.run.RunId;
import io.atlas.ports.AtlasException;
import io.atlas.ports.engine.Engine;
import io.atlas.ports.ledger.RunKind;
import io.atlas.ports.ledger.RunRecord;
import io.atlas.ports.ledger.RunState;
import io.atlas.ports.ledger.StepName;
import io.atlas.ports.ledger.StepRecord;
import io.atlas.ports.storage.ObjectStore;
import io.atlas.spark.LakeLocation;
import io.atlas.spark.SparkEngine;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Glue jobs share: take Glue's parsed arguments and the session Glue made ({@code getOrCreate()}), run one
 * step for the process date (given the lake's store and a factory of the Spark engine, for the steps that need one), record
 * the outcome in the run ledger and, on failure, in {@code rejected/system/glue/<job>/<date>/<run_id>.json} before
 * failing the job.
 */
final class GlueJob {
    private static final Logger LOG = LoggerFactory.getLogger(GlueJob.class);

    private GlueJob() {}

    /** One job's work for the process date: what it needs comes in, its counts go out. */
    @FunctionalInterface
    interface Step {
        Map<String, Long> run(GlueArguments arguments, ObjectStore store, Supplier<Engine> engine, RunContext context);
    }

    static void run(StepName job, GlueArguments arguments, Step step) {
        RunContexts contexts = new RunContexts(Clock.systemUTC());
        RunContext context = arguments.jobRunId()
                .map(id -> new RunContext(RunId.of(id.replaceAll("[^A-Za-z0-9._-]", "_")), contexts.now()))
                .orElseGet(contexts::next);
        ObjectStore store = LakeStores.open(arguments.lake(), arguments.settings().s3());
        io.atlas.ports.ledger.RunLedger ledger = LakeStores.ledger(store);
        SparkSession spark = SparkSession.builder().appName("atlas-" + job).getOrCreate();
        Supplier<Engine> engine = () -> new SparkEngine(spark, LakeLocation.parse(arguments.lake()), store,
                arguments.settings().normalization(), io.atlas.app.wiring.SparkEngines.options(arguments.settings()));
        RunRecord record = RunRecord.started(context.runId(), RunKind.glue(job), Optional.of(arguments.processDate()),
                context.startedAt(), List.of(job));
        StepRecord started = record.step(job).orElseThrow().started(context.startedAt());
        try {
            Map<String, Long> counts = step.run(arguments, store, engine, context);
            record = record.withStep(started.succeeded(contexts.now(), counts)).ended(contexts.now(), RunState.SUCCEEDED);
            ledger.save(record);
            LOG.info(jsonLine(job, arguments, context, "SUCCEEDED", counts, null));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            record = record.withStep(started.failed(contexts.now(), message)).ended(contexts.now(), RunState.FAILED);
            ledger.save(record);
            String line = jsonLine(job, arguments, context, "FAILED", Map.of(), e);
            JobFailure.of(record, job.wireName(), arguments.processDate(), e).write(store);
            LOG.error(line);
            throw e;
        }
    }

    /** One JSON line: what the job did, for CloudWatch and for the failure record. */
    static String jsonLine(StepName job, GlueArguments arguments, RunContext context, String state, Map<String, Long> counts,
            RuntimeException error) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("job", job.wireName());
            json.writeStringField("run_id", context.runId().value());
            json.writeStringField("process_date", arguments.processDate().toString());
            json.writeStringField("lake", arguments.lake());
            json.writeStringField("state", state);
            json.writeObjectFieldStart("counts");
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
            json.writeEndObject();
            if (error != null) {
                json.writeStringField("error", String.valueOf(error.getMessage()));
                json.writeStringField("category", error instanceof AtlasException a ? a.category().name() : "INTERNAL");
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write a JSON line", e);
        }
        return out.toString();
    }
}
