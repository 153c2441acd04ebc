package io.atlas.app.glue;

/** Glue job 1: {@code normalize(--process_date)} on Spark. */
public final class NormalizeJob {
    private NormalizeJob() {}

    public static void main(String[] args) {
        GlueJob.run("normalize", args, (engine, context) -> {
            GlueArguments arguments = GlueArguments.parse(args);
            return engine.normalize(context, arguments.processDate()).asCounts();
        });
    }
}
