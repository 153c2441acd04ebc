package io.atlas.app.glue;

import io.atlas.ports.ledger.StepName;

/** Glue job 1: {@code normalize(--process_date)} on Spark. */
public final class NormalizeJob {
    private NormalizeJob() {}

    public static void main(String[] args) {
        GlueJob.run(StepName.NORMALIZE, GlueArguments.parse(args), (arguments, store, engine, context) ->
                engine.get().normalize(context, arguments.processDate()).asCounts());
    }
}
