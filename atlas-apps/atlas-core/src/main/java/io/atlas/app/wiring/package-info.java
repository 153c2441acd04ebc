/**
 * The Guice wiring of Atlas on one lake. {@link LocalLakeModule} binds the ports; {@link LakeStores} opens the object
 * store a lake location names by scheme (a directory or S3), and {@link SparkEngines} builds the Spark engine so
 * Spark's classes load only when it is chosen.
 */
@NullMarked
package io.atlas.app.wiring;

import org.jspecify.annotations.NullMarked;
