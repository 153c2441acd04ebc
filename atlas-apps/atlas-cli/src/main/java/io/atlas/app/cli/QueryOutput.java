package io.atlas.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atlas.ports.query.QueryResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A query result as a table, CSV (RFC 4180) or JSON (an array of objects). */
final class QueryOutput {
    enum Format { table, csv, json }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private QueryOutput() {}

    static String render(QueryResult result, Format format) {
        return switch (format) {
            case table -> TextTable.render(result.columns(), cells(result), numericColumns(result)) + "(" + result.rows().size()
                    + (result.rows().size() == 1 ? " row)\n" : " rows)\n");
            case csv -> csv(result);
            case json -> json(result);
        };
    }

    /** A column is right-aligned when every value in it is a number (NULLs aside). */
    private static boolean[] numericColumns(QueryResult result) {
        boolean[] numeric = new boolean[result.columns().size()];
        java.util.Arrays.fill(numeric, !result.rows().isEmpty());
        for (List<Object> row : result.rows()) {
            for (int i = 0; i < numeric.length && i < row.size(); i++) {
                numeric[i] &= row.get(i) == null || row.get(i) instanceof Number;
            }
        }
        return numeric;
    }

    private static List<List<String>> cells(QueryResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            rows.add(row.stream().map(QueryOutput::text).toList());
        }
        return rows;
    }

    static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString().replaceAll("^(-?\\d+)$", "$1.0");
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + text(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return value.toString();
    }

    private static String csv(QueryResult result) {
        StringBuilder out = new StringBuilder();
        out.append(result.columns().stream().map(QueryOutput::csvCell).collect(Collectors.joining(","))).append('\n');
        for (List<Object> row : result.rows()) {
            out.append(row.stream().map(v -> v == null ? "" : csvCell(text(v))).collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }

    /** Rows of text as CSV (RFC 4180), a header line first. */
    static String csv(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(headers.stream().map(QueryOutput::csvCell).collect(Collectors.joining(","))).append('\n');
        for (List<String> row : rows) {
            out.append(row.stream().map(QueryOutput::csvCell).collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }

    private static String csvCell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static String json(QueryResult result) {
        ArrayNode array = JSON.createArrayNode();
        for (List<Object> row : result.rows()) {
            ObjectNode object = array.addObject();
            for (int i = 0; i < row.size(); i++) {
                object.set(result.columns().get(i), JSON.valueToTree(jsonValue(row.get(i))));
            }
        }
        try {
            return JSON.writeValueAsString(array) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render JSON", e);
        }
    }

    /** JSON has no NaN or infinity: those are null; every other number stays a number, lists stay arrays. */
    private static Object jsonValue(Object value) {
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            return null;
        }
        if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            return null;
        }
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(QueryOutput::jsonValue).collect(java.util.stream.Collectors.toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> converted.put(String.valueOf(k), jsonValue(v)));
            return converted;
        }
        return value.toString();
    }
}
