package dev.sigil.bench;

import java.util.Optional;

/** The tables every report format shows, built once from the results. */
final class ReportTables {
    private final Results r;
    private final int cores = Runtime.getRuntime().availableProcessors();

    ReportTables(Results results) {
        this.r = results;
    }

    /** In-process verify throughput, each figure also as a ratio to plain Bouncy Castle and to openssl. */
    Table sweep() {
        Table t = new Table("backend", "scheme", "batch", "items/s", "items/CPU-s", "µs/batch p50", "µs/batch p99",
                "× plain BC (" + cores + " thr)", "× openssl (1 thr)", "× best native (per CPU-s)", "wrong",
                "on host");
        for (Results.SweepPoint p : r.sweep) {
            t.row(p.backend(), p.scheme(), p.batch(), Table.num(p.itemsPerSecond()), Table.num(p.itemsPerCpuSecond()),
                    Table.num(p.p50BatchMicros()),
                    Table.num(p.p99BatchMicros()), Table.ratio(ratio(p.itemsPerSecond(), r.plainBc(p.scheme()))),
                    Table.ratio(ratio(p.itemsPerSecond(), r.openssl(p.scheme()))),
                    Table.ratio(r.bestNative(p.scheme()).map(b -> p.itemsPerCpuSecond() / b.perCpuSecond())
                            .orElse(Double.NaN)), p.mismatches(), p.hostDecided());
        }
        return t;
    }

    /** The reference figures, each as a ratio to the best plain Bouncy Castle figure of its scheme. */
    Table baselines() {
        Table t = new Table("baseline", "scheme", "threads", "items/s", "items/CPU-s",
                "× plain BC (" + cores + " thr)", "library");
        for (Results.Baseline b : r.baselines) {
            t.row(b.source(), b.scheme(), b.threads(), Table.num(b.itemsPerSecond()),
                    Table.num(b.itemsPerCpuSecond()),
                    Table.ratio(ratio(b.itemsPerSecond(), r.plainBc(b.scheme()))), b.library());
        }
        return t;
    }

    /** The HTTP load steps; latencies from the scheduled send time. */
    Table load(double capacityItemsPerSecond) {
        Table t = new Table("offered req/s", "offered items/s", "achieved items/s", "achieved/offered",
                "× in-process", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors", "saturated");
        for (Results.LoadStep s : r.load) {
            t.row(Table.num(s.offeredRequestsPerSecond()), Table.num(s.offeredItemsPerSecond()),
                    Table.num(s.achievedItemsPerSecond()),
                    Table.ratio(s.achievedItemsPerSecond() / s.offeredItemsPerSecond()),
                    Table.ratio(capacityItemsPerSecond > 0 ? s.achievedItemsPerSecond() / capacityItemsPerSecond
                            : Double.NaN),
                    Table.num(s.p50Ms()), Table.num(s.p99Ms()), Table.num(s.p999Ms()), Table.num(s.maxMs()),
                    s.errors(), s.saturated() ? "yes" : "no");
        }
        return t;
    }

    /** Where each accelerator starts to beat the CPU backend. */
    Table crossovers() {
        Table t = new Table("backend", "scheme", "beats cpu from batch", "ahead at batch sizes", "best × cpu");
        for (Results.Crossover c : r.crossovers()) {
            t.row(c.backend(), c.scheme(), c.batch().map(String::valueOf)
                            .orElse(c.aheadAt().isEmpty() ? "never" : "not at the largest batch"),
                    c.aheadAt().isEmpty() ? "none" : c.aheadAt().stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", ")),
                    Table.ratio(c.bestSpeedup()));
        }
        return t;
    }

    private static double ratio(double v, Optional<Results.Baseline> base) {
        return base.filter(b -> b.itemsPerSecond() > 0).map(b -> v / b.itemsPerSecond()).orElse(Double.NaN);
    }
}
