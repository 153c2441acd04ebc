package io.atlas.app.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The report's charts as inline SVG. Every point, bar and segment carries its numbers as {@code data-chart},
 * {@code data-series}, {@code data-key} and {@code data-value} attributes, and a {@code <title>} the browser shows on
 * hover, so the page needs no script.
 */
final class Svg {
    static final List<String> PALETTE = List.of("#2563eb", "#dc2626", "#059669", "#d97706", "#7c3aed", "#db2777",
            "#0891b2", "#65a30d", "#9ca3af", "#92400e");
    private static final int WIDTH = 960;
    private static final int HEIGHT = 240;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;

    private Svg() {}

    /** A series of a line chart: its name and one value per day, {@code null} where the day has none. */
    record Series(String name, List<Double> values) {}

    /** Lines over {@code days}, one point per day with a value; {@code marked} days get a shaded band. */
    static String lines(String chart, List<LocalDate> days, List<Series> series, Set<LocalDate> marked, boolean percent) {
        double max = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null).mapToDouble(Double::doubleValue)
                .max().orElse(0);
        double top = niceCeiling(max);
        StringBuilder svg = open(chart);
        axes(svg, top, percent);
        double slot = plotWidth() / Math.max(1, days.size());
        for (int i = 0; i < days.size(); i++) {
            if (marked.contains(days.get(i))) {
                svg.append(String.format(Locale.ROOT, "<rect class=\"reprocessed\" data-key=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
                        + "height=\"%.1f\"><title>%s reprocessed</title></rect>", days.get(i), LEFT + i * slot, TOP, slot,
                        plotHeight(), days.get(i)));
            }
        }
        xLabels(svg, days, slot);
        for (int s = 0; s < series.size(); s++) {
            Series line = series.get(s);
            String color = PALETTE.get(s % PALETTE.size());
            StringBuilder path = new StringBuilder();
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < days.size(); i++) {
                Double value = line.values().get(i);
                if (value == null) {
                    continue;
                }
                double x = LEFT + (i + 0.5) * slot;
                double y = TOP + plotHeight() * (1 - value / top);
                path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", x, y));
                points.append(String.format(Locale.ROOT, "<circle class=\"point\" data-chart=\"%s\" data-series=\"%s\" "
                        + "data-key=\"%s\" data-value=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s %s: %s"
                        + "</title></circle>", chart, Html.escape(line.name()), days.get(i), raw(value), x, y, color, days.get(i),
                        Html.escape(line.name()), label(value, percent)));
            }
            svg.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\"/>").append(points);
        }
        return svg.append("</svg>").toString();
    }

    /** One stacked bar per day, one segment per key with a non-zero count. */
    static String stacked(String chart, List<LocalDate> days, List<SortedMap<String, Long>> stacks, List<String> keys) {
        long max = stacks.stream().mapToLong(s -> s.values().stream().mapToLong(Long::longValue).sum()).max().orElse(0);
        double top = niceCeiling(max);
        StringBuilder svg = open(chart);
        axes(svg, top, false);
        double slot = plotWidth() / Math.max(1, days.size());
        double width = Math.max(1, slot * 0.7);
        for (int i = 0; i < days.size(); i++) {
            SortedMap<String, Long> stack = stacks.get(i);
            long total = stack.values().stream().mapToLong(Long::longValue).sum();
            double x = LEFT + i * slot + (slot - width) / 2;
            svg.append(String.format(Locale.ROOT, "<g class=\"bar\" data-chart=\"%s\" data-key=\"%s\" data-value=\"%d\">",
                    chart, days.get(i), total));
            double base = TOP + plotHeight();
            for (String key : keys) {
                long n = stack.getOrDefault(key, 0L);
                if (n == 0) {
                    continue;
                }
                double h = plotHeight() * n / top;
                base -= h;
                svg.append(String.format(Locale.ROOT, "<rect class=\"segment\" data-series=\"%s\" data-value=\"%d\" x=\"%.1f\" "
                        + "y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>",
                        Html.escape(key), n, x, base, width, h, PALETTE.get(keys.indexOf(key) % PALETTE.size()), days.get(i),
                        Html.escape(key), n));
            }
            svg.append("</g>");
        }
        xLabels(svg, days, slot);
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per key, largest first as given. */
    static String bars(String chart, Map<String, Long> values) {
        int rowHeight = 22;
        int labelWidth = 200;
        int width = 460;
        int height = Math.max(1, values.size()) * rowHeight + 8;
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart bars\" id=\"%s\" data-chart=\"%s\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">", chart, chart, width, height));
        if (values.isEmpty()) {
            svg.append("<text class=\"empty\" x=\"8\" y=\"18\">none</text>");
        }
        int row = 0;
        for (Map.Entry<String, Long> entry : values.entrySet()) {
            double y = 4 + row * rowHeight;
            double w = max == 0 ? 0 : (width - labelWidth - 70) * (double) entry.getValue() / max;
            svg.append(String.format(Locale.ROOT, "<text class=\"label\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    labelWidth - 8, y + 15, Html.escape(shorten(entry.getKey()))));
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" data-chart=\"%s\" data-key=\"%s\" data-value=\"%d\" x=\"%d\" "
                    + "y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %d</title></rect>", chart,
                    Html.escape(entry.getKey()), entry.getValue(), labelWidth, y + 2, w, rowHeight - 6, PALETTE.get(0),
                    Html.escape(entry.getKey()), entry.getValue()));
            svg.append(String.format(Locale.ROOT, "<text class=\"value\" x=\"%.1f\" y=\"%.1f\">%d</text>", labelWidth + w + 6,
                    y + 15, entry.getValue()));
            row++;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String chart) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg class=\"chart\" id=\"%s\" data-chart=\"%s\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">", chart, chart, WIDTH, HEIGHT));
    }

    private static void axes(StringBuilder svg, double top, boolean percent) {
        for (int t = 0; t <= 4; t++) {
            double value = top * t / 4;
            double y = TOP + plotHeight() * (1 - t / 4.0);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, WIDTH - RIGHT, y, y,
                    LEFT - 6, y + 4, label(value, percent)));
        }
    }

    private static void xLabels(StringBuilder svg, List<LocalDate> days, double slot) {
        int every = Math.max(1, (int) Math.ceil(days.size() / 12.0));
        for (int i = 0; i < days.size(); i += every) {
            svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    LEFT + (i + 0.5) * slot, HEIGHT - BOTTOM + 18, days.get(i).toString().substring(5)));
        }
    }

    private static double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above {@code max} (1 for an empty chart). */
    static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String raw(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    static String label(double value, boolean percent) {
        if (percent) {
            return String.format(Locale.ROOT, "%.1f%%", value * 100);
        }
        if (value >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", value / 1_000_000);
        }
        if (value >= 10_000) {
            return String.format(Locale.ROOT, "%.0fk", value / 1000);
        }
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String shorten(String text) {
        return text.length() <= 28 ? text : text.substring(0, 27) + "…";
    }
}
