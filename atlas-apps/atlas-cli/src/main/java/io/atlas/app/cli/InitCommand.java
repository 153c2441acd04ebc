package io.atlas.app.cli;

import io.atlas.app.Atlas;
import picocli.CommandLine.Command;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Makes --lake a lake: writes _atlas/lake.json (creating the folder if needed). Every other command "
                + "refuses a location that is not a lake, so a typo in --lake is an error rather than a new, empty lake.",
            "demo, generate, and ingest of a folder holding raw/ do this themselves; on S3 the bucket must exist."})
final class InitCommand extends LakeCommand {
    @Override
    public Integer call() {
        try (Atlas atlas = root.open(AtlasCli.Need.CREATE)) {
            spec.commandLine().getOut().println("Lake ready: " + root.lakeLocation()
                    + " (next: put files under raw/ and run 'atlas ingest', or 'atlas generate')");
            return AtlasCli.OK;
        }
    }
}
