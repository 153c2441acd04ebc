package io.atlas.app.glue;

import io.atlas.app.service.StepCounts;
import io.atlas.ports.ledger.StepName;

/** Glue job 2: {@code aggregate(--process_date)} on Spark. */
public final class AggregateJob {
    private AggregateJob() {}

    public static void main(String[] args) {
        GlueJob.run(StepName.AGGREGATE, GlueArguments.parse(args), (arguments, store, engine, context) ->
                StepCounts.aggregate(engine.get().aggregate(context, arguments.processDate())));
    }
}
