package dev.sigil.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The short text table and the self-contained HTML page of {@code sigil gpu-check}'s report. */
final class GpuCheckReport {
    private GpuCheckReport() {
    }

    /** One block per device: conformance, differential and sweep figures per scheme. */
    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> report) {
        StringBuilder t = new StringBuilder();
        for (Map<String, Object> d : (List<Map<String, Object>>) report.get("devices")) {
            t.append(f("device %s: %s (%s) on %s%n", d.get("index"), d.get("name"), d.get("type"), d.get("platform")));
            if (d.containsKey("buildError")) {
                t.append("  cannot be opened: ").append(d.get("buildError")).append('\n');
                continue;
            }
            t.append(f("  programs built in %.1f s; %,d KiB of device memory held%n",
                    num(d.get("buildSeconds")), ((Number) d.getOrDefault("deviceMemoryBytes", 0L)).longValue() >> 10));
            t.append(f("  %-16s %9s %8s %12s %9s %9s %11s %11s %9s%n", "scheme", "vectors", "failed", "diff items",
                    "disagree", "on host", "items/s max", "fixed ms", "crossover"));
            for (String scheme : schemes(d)) {
                Map<String, Object> diff = row(d, "differential", scheme);
                Map<String, Object> sw = row(d, "sweep", scheme);
                long vectors = 0;
                long failed = 0;
                for (Map<String, Object> c : rows(d, "conformance")) {
                    if (scheme.equals(c.get("scheme"))) {
                        vectors += ((Number) c.get("cases")).longValue();
                        failed += ((Number) c.getOrDefault("failed", 0)).longValue();
                    }
                }
                t.append(f("  %-16s %9d %8d %12s %9s %9s %11s %11s %9s%n", scheme, vectors, failed,
                        get(diff, "items"), get(diff, "disagreements"), get(diff, "hostDecided"), best(sw),
                        sw == null ? "-" : f("%.2f", num(sw.get("fixedMs"))),
                        sw == null ? "-" : sw.get("crossoverBatch") == null ? "none" : sw.get("crossoverBatch")));
            }
            if (d.containsKey("deviceError")) {
                t.append("  device failed: ").append(d.get("deviceError")).append('\n');
            }
        }
        if (report.containsKey("error")) {
            t.append("gpu-check: ").append(report.get("error")).append('\n');
        }
        t.append(f("gpu-check: %s in %.0f s%n", Boolean.TRUE.equals(report.get("ok")) ? "ok"
                : report.get("failures") + " failure(s)", num(report.get("seconds"))));
        return t.toString();
    }

    /** The table and the full report, in one page with no external resources. */
    static String html(Map<String, Object> report) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>Sigil gpu-check</title>\n"
                + "<style>body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1100px;padding:0 16px}"
                + "pre{background:#f6f8fa;padding:8px;overflow-x:auto}</style>\n</head>\n<body>\n<h1>Sigil gpu-check: "
                + (Boolean.TRUE.equals(report.get("ok")) ? "ok" : "FAILED") + "</h1>\n<pre>"
                + Html.escape(table(report)) + "</pre>\n<h2>Every figure (report.json)</h2>\n<pre>"
                + Html.escape(Json.write(report)) + "</pre>\n</body>\n</html>\n";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> d, String key) {
        return (List<Map<String, Object>>) d.getOrDefault(key, List.of());
    }

    private static Map<String, Object> row(Map<String, Object> d, String key, String scheme) {
        return rows(d, key).stream().filter(r -> scheme.equals(r.get("scheme"))).findFirst().orElse(null);
    }

    private static List<String> schemes(Map<String, Object> d) {
        return rows(d, "conformance").stream().map(r -> (String) r.get("scheme")).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private static String best(Map<String, Object> sweep) {
        if (sweep == null) {
            return "-";
        }
        double best = ((List<Map<String, Object>>) sweep.get("points")).stream()
                .mapToDouble(p -> num(p.get("itemsPerSecond"))).max().orElse(0);
        return f("%,.0f", best);
    }

    private static String get(Map<String, Object> m, String key) {
        return m == null ? "-" : String.valueOf(m.get(key));
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
