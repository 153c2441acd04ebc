package io.atlas.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Drives the CLI's entry point in-process, as {@code ./atlas} would. */
public final class Cli {
    /** What one command printed and returned. */
    public record Result(int exitCode, String out, String err) {
        public List<String> outLines() {
            return out.lines().toList();
        }

        /** The first line of stderr: what a user reads. */
        public String firstErrLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    private Cli() {}

    public static Result run(Path lake, String... args) {
        List<String> all = new ArrayList<>(List.of("--lake", lake.toString()));
        all.addAll(List.of(args));
        return runRaw(all.toArray(String[]::new));
    }

    public static Result runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AtlasCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    /** As {@link #run}, with {@code stdin} as the command's standard input. */
    public static Result runWithStdin(String stdin, Path lake, String... args) {
        List<String> all = new ArrayList<>(List.of("--lake", lake.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AtlasCli.execute(all.toArray(String[]::new),
                new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }
}
