/**
 * {@code atlas report}: one self-contained HTML page about a lake. {@link ReportReader} reads a {@link ReportData}
 * through the ports and {@link HtmlReport} renders it with inline CSS and SVG charts, no script and no external
 * request, every chart's numbers also in an embedded JSON block for machines.
 */
@NullMarked
package io.atlas.app.report;

import org.jspecify.annotations.NullMarked;
