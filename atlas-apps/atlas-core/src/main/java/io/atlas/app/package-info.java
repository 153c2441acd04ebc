/**
 * Atlas as a library, and how every entry point is configured. {@link Atlas} runs the whole pipeline on one lake;
 * {@link AtlasSettings} is the one settings object of the CLI, the Lambdas and the Glue jobs, built from properties,
 * the environment or job arguments by {@link SettingsSources}.
 */
@NullMarked
package io.atlas.app;

import org.jspecify.annotations.NullMarked;
