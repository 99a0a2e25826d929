package dev.sigil.bench;

import java.util.ArrayList;
import java.util.List;

/** The report's charts, built from the results. */
final class Charts {
    private Charts() {
    }

    /** Items per second against batch size for one scheme: one line per backend, dashed baselines. */
    static String throughput(Results r, String scheme) {
        SvgChart c = new SvgChart(scheme + ": verify throughput", "batch size (items)", "items per second", true, true);
        List<String> ids = r.backendIds();
        for (int i = 0; i < ids.size(); i++) {
            List<SvgChart.Point> pts = r.points(ids.get(i), scheme).stream()
                    .map(p -> new SvgChart.Point(p.batch(), p.itemsPerSecond())).toList();
            c.add(new SvgChart.Series(ids.get(i), SvgChart.PALETTE[i % SvgChart.PALETTE.length], false, pts));
        }
        int k = ids.size();
        for (Results.Baseline b : r.baselines) {
            if (b.scheme().equals(scheme)) {
                String name = (b.source().equals("plain-bc") ? "plain BC" : b.source()) + " " + b.threads() + " thr";
                c.reference(name, SvgChart.PALETTE[k++ % SvgChart.PALETTE.length], b.itemsPerSecond());
            }
        }
        return c.render();
    }

    /** Each accelerator's speed-up over the CPU backend against batch size, with the break-even line at 1. */
    static String speedups(Results r) {
        SvgChart c = new SvgChart("speed-up over the CPU backend", "batch size (items)", "× cpu items/s", true, true);
        int k = 0;
        for (String b : r.backendIds()) {
            if (b.equals("cpu")) {
                continue;
            }
            for (String s : r.schemes()) {
                List<SvgChart.Point> pts = new ArrayList<>();
                for (Results.SweepPoint p : r.points(b, s)) {
                    r.points("cpu", s).stream().filter(q -> q.batch() == p.batch() && q.itemsPerSecond() > 0)
                            .findFirst().ifPresent(q -> pts.add(
                                    new SvgChart.Point(p.batch(), p.itemsPerSecond() / q.itemsPerSecond())));
                }
                c.add(new SvgChart.Series(b + " " + s, SvgChart.PALETTE[k++ % SvgChart.PALETTE.length], false, pts));
            }
        }
        c.reference("break-even", "#57606a", 1.0);
        for (Results.Crossover x : r.crossovers()) {
            x.batch().ifPresent(b -> c.marker(b, x.backend() + " " + x.scheme() + " from " + b, "#57606a"));
        }
        return c.render();
    }

    /** p50, p99 and p99.9 latency against offered load. */
    static String latency(Results r) {
        SvgChart c = new SvgChart("HTTP latency against offered load", "offered load (items/s)",
                "latency (ms, from scheduled send)", false, true);
        c.add(series(r, "p50", 0, s -> s.p50Ms()));
        c.add(series(r, "p99", 1, s -> s.p99Ms()));
        c.add(series(r, "p99.9", 2, s -> s.p999Ms()));
        return c.render();
    }

    /** Achieved against offered throughput; the dashed diagonal is a service that keeps up. */
    static String achieved(Results r) {
        SvgChart c = new SvgChart("HTTP throughput", "offered load (items/s)", "achieved items/s", false, false);
        c.add(series(r, "achieved", 0, Results.LoadStep::achievedItemsPerSecond));
        c.add(new SvgChart.Series("offered", "#57606a", true, r.load.stream()
                .map(s -> new SvgChart.Point(s.offeredItemsPerSecond(), s.offeredItemsPerSecond())).toList()));
        if (r.capacityItemsPerSecond > 0) {
            c.reference("in-process", SvgChart.PALETTE[3], r.capacityItemsPerSecond);
        }
        return c.render();
    }

    private static SvgChart.Series series(Results r, String name, int color,
            java.util.function.ToDoubleFunction<Results.LoadStep> y) {
        return new SvgChart.Series(name, SvgChart.PALETTE[color], false, r.load.stream()
                .map(s -> new SvgChart.Point(s.offeredItemsPerSecond(), y.applyAsDouble(s))).toList());
    }
}
