package io.atlas.app.glue;

/** Glue job 1: {@code normalize(--process_date)} on Spark. */
public final class NormalizeJob {
    private NormalizeJob() {}

    public static void main(String[] args) {
        GlueJob.run("normalize", GlueArguments.parse(args), (arguments, store, engine, context) ->
                engine.get().normalize(context, arguments.processDate()).asCounts());
    }
}
