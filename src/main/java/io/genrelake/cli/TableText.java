package io.genrelake.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.collection.Iterable;

/**
 * Rows as text for {@code genrelake show}: an aligned table or CSV (RFC 4180 quoting); JSON lines are
 * {@link JsonLines}' job. Arrays, maps and structs print compactly ({@code [rock:0.81, jazz:0.12]},
 * {@code {rock:0.81}}); doubles with six significant digits in the table, in full in CSV.
 */
final class TableText {

    /** Widest a table cell gets before it is cut with an ellipsis. */
    static final int MAX_CELL = 60;

    private TableText() {}

    static String table(StructType schema, List<Row> rows) {
        String[] names = schema.fieldNames();
        List<String[]> cells = new ArrayList<>();
        int[] width = new int[names.length];
        for (int c = 0; c < names.length; c++) {
            width[c] = names[c].length();
        }
        for (Row r : rows) {
            String[] line = new String[names.length];
            for (int c = 0; c < names.length; c++) {
                String v = value(r.get(c), true);
                line[c] = v.length() > MAX_CELL ? v.substring(0, MAX_CELL - 1) + "…" : v;
                width[c] = Math.max(width[c], line[c].length());
            }
            cells.add(line);
        }
        StringBuilder s = new StringBuilder();
        appendLine(s, names, width);
        String[] rule = new String[names.length];
        for (int c = 0; c < names.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        appendLine(s, rule, width);
        for (String[] line : cells) {
            appendLine(s, line, width);
        }
        return s.toString();
    }

    static String csv(StructType schema, List<Row> rows) {
        StringBuilder s = new StringBuilder();
        s.append(String.join(",", List.of(schema.fieldNames()).stream().map(TableText::quote).toList())).append('\n');
        for (Row r : rows) {
            List<String> line = new ArrayList<>();
            for (int c = 0; c < r.size(); c++) {
                line.add(r.isNullAt(c) ? "" : quote(value(r.get(c), false)));
            }
            s.append(String.join(",", line)).append('\n');
        }
        return s.toString();
    }

    private static void appendLine(StringBuilder s, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            s.append(c == 0 ? "" : "  ").append(cells[c]).append(" ".repeat(width[c] - cells[c].length()));
        }
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        s.setLength(end);
        s.append('\n');
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    static String value(Object v, boolean shortNumbers) {
        if (v == null) {
            return shortNumbers ? "null" : "";
        }
        if (v instanceof Double d) {
            return shortNumbers ? String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                    .replaceAll("\\.(e|$)", "$1") : Double.toString(d);
        }
        if (v instanceof Row struct) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < struct.size(); i++) {
                parts.add(value(struct.get(i), shortNumbers));
            }
            return String.join(":", parts);
        }
        if (v instanceof scala.collection.Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.foreach(e -> parts.add(value(e._1(), shortNumbers) + ":" + value(e._2(), shortNumbers)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, x) -> parts.add(value(k, shortNumbers) + ":" + value(x, shortNumbers)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof Iterable<?> seq) {
            List<String> parts = new ArrayList<>();
            seq.foreach(x -> parts.add(value(x, shortNumbers)));
            return "[" + String.join(", ", parts) + "]";
        }
        return v.toString();
    }
}
