package dev.sigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A table of strings rendered as aligned plain text, Markdown, or an HTML table. */
final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "" : c.toString());
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String text() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, w);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        }
        out.append(rule).append('\n');
        for (List<String> r : rows) {
            line(out, r, w);
        }
        return out.toString();
    }

    private void line(StringBuilder out, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cells.get(i);
            String pad = " ".repeat(w[i] - c.length());
            l.append(i == 0 ? "" : "  ").append(isText(i) ? c + pad : pad + c);
        }
        out.append(l.toString().stripTrailing()).append('\n');
    }

    /** A column is left-aligned unless every value in it is a number (or a dash for none). */
    private boolean isText(int column) {
        if (rows.isEmpty()) {
            return column == 0;
        }
        for (List<String> r : rows) {
            String c = r.get(column);
            if (c.isEmpty() || !(Character.isDigit(c.charAt(0)) || c.charAt(0) == '–' || c.charAt(0) == '-')) {
                return true;
            }
        }
        return false;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", headers)).append(" |\n|");
        for (int i = 0; i < headers.size(); i++) {
            out.append(isText(i) ? " --- |" : " ---: |");
        }
        out.append('\n');
        for (List<String> r : rows) {
            out.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return out.toString();
    }

    String html() {
        StringBuilder out = new StringBuilder("<table>\n<thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            out.append(isText(i) ? "<th class=\"t\">" : "<th>").append(Html.escape(headers.get(i))).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> r : rows) {
            out.append("<tr>");
            for (int i = 0; i < r.size(); i++) {
                out.append(isText(i) ? "<td class=\"t\">" : "<td>").append(Html.escape(r.get(i))).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    static String ratio(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f×", v);
    }
}
