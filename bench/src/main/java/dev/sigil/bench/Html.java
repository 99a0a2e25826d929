package dev.sigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The self-contained HTML report: inline CSS and inline SVG charts only (no scripts, fonts, images or any other
 * external resource), so it opens offline and can be archived as a single file.
 */
final class Html {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1240px;
            color:#1f2328;padding:0 16px}h1{font-size:24px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid #ddd}
            table{border-collapse:collapse;font-size:13px;margin:8px 0}th,td{border:1px solid #d0d7de;padding:3px 8px;
            text-align:right}th{background:#f6f8fa}td.t,th.t{text-align:left}
            .charts{display:flex;flex-wrap:wrap;gap:12px}.chart{border:1px solid #d0d7de;max-width:100%;height:auto}
            code,pre{background:#f6f8fa;padding:1px 4px}.note{color:#57606a;font-size:13px}
            """;

    private static final String READING = """
            <p class="note">How to read it: every in-process figure is a backend's <code>verify</code> on a prepared
            batch, items per second (the median of five slices of the measuring time), beside a plain Bouncy Castle
            loop and <code>openssl speed</code>; an accelerator pays off from its crossover batch size on. The HTTP
            figures are open-loop: requests leave on schedule whatever the service does, so latency grows without
            bound past saturation instead of the load quietly dropping. <code>report.json</code> has every number.
            </p>
            """;

    private Html() {
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String render(Results r) {
        ReportTables t = new ReportTables(r);
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>Sigil bench report</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>Sigil bench report</h1>\n");
        h.append("<p>Command: <code>").append(escape(r.command)).append("</code> — started ")
                .append(escape(String.valueOf(r.startedAt))).append(", took ").append(Table.num(r.seconds))
                .append(" s.</p>\n").append(machine(r.machine)).append(READING);
        h.append("<h2>Throughput against batch size</h2>\n<p class=\"note\">In-process verify, items per second ")
                .append("(log–log). Dashed lines: plain Bouncy Castle on every core and on one thread, and ")
                .append("<code>openssl speed</code> on one thread. Mix: " + BenchPools.mix() + " (message altered).</p>\n")
                .append("<div class=\"charts\">\n");
        r.schemes().forEach(s -> h.append(Charts.throughput(r, s)));
        h.append("</div>\n");
        h.append("<h2>Crossover: where each accelerator beats the CPU</h2>\n");
        h.append(t.crossovers().isEmpty()
                ? "<p>Only the CPU backend is available on this machine, so there is no crossover to show.</p>\n"
                : "<div class=\"charts\">\n" + Charts.speedups(r) + "</div>\n" + t.crossovers().html());
        h.append("<h2>HTTP load test: latency against offered load</h2>\n<p class=\"note\">")
                .append(escape(r.httpStatus)).append(r.httpTarget == null ? "" : " — target " + escape(r.httpTarget))
                .append(". Open loop: latency is measured from each request's scheduled send time.</p>\n");
        if (!r.load.isEmpty()) {
            h.append("<div class=\"charts\">\n").append(Charts.latency(r)).append(Charts.achieved(r))
                    .append("</div>\n").append(t.load(r.capacityItemsPerSecond).html());
        }
        h.append("<h2>gRPC load test: the same open loop over sigil.v1.Sigil/Verify</h2>\n<p class=\"note\">")
                .append(escape(r.grpcStatus)).append(r.grpcTarget == null ? "" : " — target " + escape(r.grpcTarget))
                .append(".</p>\n");
        if (!r.grpcLoad.isEmpty()) {
            h.append(t.load(r.grpcLoad, r.capacityItemsPerSecond).html());
        }
        if (!r.small.isEmpty()) {
            h.append("<h2>Small requests: HTTP, gRPC and in process</h2>\n<p class=\"note\">")
                    .append(escape(TextReport.smallTitle(r))).append(".</p>\n").append(t.small().html());
        }
        if (!r.engines.isEmpty()) {
            h.append("<h2>cpu backend against the plain loops, in turn</h2>\n<p class=\"note\">")
                    .append(escape(EngineComparison.TITLE)).append(".</p>\n")
                    .append(EngineComparison.table(r.engines).html());
        }
        h.append("<h2>All figures</h2>\n").append(t.sweep().html()).append("<h3>Baselines</h3>\n")
                .append(t.baselines().html());
        h.append(notes(r.notes)).append("</body>\n</html>\n");
        return h.toString();
    }

    private static String machine(Map<String, Object> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(escape(k) + ": " + escape(String.valueOf(v))));
        return "<p class=\"note\">" + String.join(" · ", parts) + "</p>\n";
    }

    private static String notes(List<String> notes) {
        if (notes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h2>Notes</h2>\n<ul>\n");
        notes.forEach(n -> out.append("<li>").append(escape(n)).append("</li>\n"));
        return out.append("</ul>\n").toString();
    }
}
