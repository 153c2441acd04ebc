/**
 * {@code atlas report}: one self-contained HTML page of the lake (SVG drawn here, inline CSS, no script and no
 * external request), with every chart's numbers also in an embedded JSON block for machines.
 */
@NullMarked
package io.atlas.app.report;

import org.jspecify.annotations.NullMarked;
