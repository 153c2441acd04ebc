package io.atlas.app.cli;

import java.util.ArrayList;
import java.util.List;

/** Renders rows as an aligned text table for the terminal. */
final class TextTable {
    private TextTable() {}

    static String render(List<String> headers, List<List<String>> rows) {
        return render(headers, rows, null);
    }

    /** With {@code numeric[i]}, column i is right-aligned (a number column); without, cells that look numeric are. */
    static String render(List<String> headers, List<List<String>> rows, boolean[] numeric) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
        }
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths, numeric);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths, numeric);
        for (List<String> row : rows) {
            line(out, row, widths, numeric);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] numericColumns) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append("  ");
            }
            String cell = cells.get(i);
            boolean numeric = numericColumns != null && i < numericColumns.length ? numericColumns[i]
                    : !cell.isEmpty() && cell.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == '-');
            String padding = " ".repeat(widths[i] - cell.length());
            out.append(numeric ? padding + cell : cell + (i == cells.size() - 1 ? "" : padding));
        }
        out.append('\n');
    }
}
