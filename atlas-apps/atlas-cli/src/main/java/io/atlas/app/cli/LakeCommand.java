package io.atlas.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every subcommand shares: the root command (its global options {@code --lake}, {@code --threads},
 * {@code --config}, and the {@link AtlasCli#open} of the lake) and its own picocli spec (for usage errors).
 * Picocli fills these inherited fields as it does a subcommand's own.
 */
abstract class LakeCommand implements Callable<Integer> {
    @ParentCommand
    AtlasCli root;

    @Spec
    CommandSpec spec;
}
