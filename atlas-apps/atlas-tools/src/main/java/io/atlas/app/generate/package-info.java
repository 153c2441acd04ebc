/**
 * {@code atlas generate}: realistic raw log files of the three formats for trying Atlas out. {@link LogGenerator}
 * writes them into {@code raw/} as {@link GeneratorSettings} says, with files spanning midnight, exact duplicates and
 * a share of bad records.
 */
@NullMarked
package io.atlas.app.generate;

import org.jspecify.annotations.NullMarked;
