/**
 * The Guice wiring of Atlas on one lake. {@link LocalLakeModule} binds the ports; {@link LakeStores} opens the object
 * store a lake location names by scheme (a directory or S3), and {@link SparkEngines} builds the Spark engine so
 * Spark's classes load only when it is chosen; {@link PortOverrides} carries the ports an embedder gave
 * {@code Atlas.builder()}.
 *
 * <p><b>Internal:</b> not part of Atlas's API and free to change; embedders configure Atlas through
 * {@code io.atlas.app.Atlas.Builder}. The types are public only because {@code Atlas}, in another package, builds them.
 */
@NullMarked
package io.atlas.app.wiring;

import org.jspecify.annotations.NullMarked;
