/**
 * The {@code atlas} command line (picocli), a thin shell over {@link io.atlas.app.Atlas}. {@link AtlasCli} is the
 * entry point; each subcommand is a package-private class of its own, and exit codes are 0 for success, 1 for failure
 * and 2 for bad arguments.
 */
@NullMarked
package io.atlas.app.cli;

import org.jspecify.annotations.NullMarked;
