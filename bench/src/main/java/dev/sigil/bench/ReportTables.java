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

    /**
     * Public-key recovery per backend and batch size, then the plain libsecp256k1 loop; ratios are per CPU-second,
     * to that loop on one thread.
     */
    Table recovery() {
        Table t = new Table("recover", "batch", "threads", "items/s", "items/CPU-s", "µs/batch p50",
                "× plain libsecp256k1 (per CPU-s)", "wrong");
        double base = r.recoveryBaseline().map(Results.Baseline::perCpuSecond).orElse(Double.NaN);
        for (Results.RecoveryPoint p : r.recovery) {
            t.row(p.backend(), p.batch(), "", Table.num(p.itemsPerSecond()), Table.num(p.itemsPerCpuSecond()),
                    Table.num(p.p50BatchMicros()), Table.ratio(p.itemsPerCpuSecond() / base), p.mismatches());
        }
        for (Results.Baseline b : r.recoveryBaselines) {
            t.row("plain libsecp256k1", "", b.threads(), Table.num(b.itemsPerSecond()),
                    Table.num(b.itemsPerCpuSecond()), "", Table.ratio(b.perCpuSecond() / base), "");
        }
        return t;
    }

    /** The HTTP load steps; latencies from the scheduled send time. */
    Table load(double capacityItemsPerSecond) {
        return load(r.load, capacityItemsPerSecond);
    }

    /** Load steps of one transport; latencies from the scheduled send time. */
    Table load(java.util.List<Results.LoadStep> steps, double capacityItemsPerSecond) {
        Table t = new Table("offered req/s", "offered items/s", "achieved items/s", "achieved/offered",
                "× in-process", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "errors", "saturated");
        for (Results.LoadStep s : steps) {
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

    /**
     * Small requests per transport and size: one caller's p50 and p99, each also as a ratio to the in-process
     * single-item p50; then {@value SmallRequests#CALLERS} callers' requests and items per second, as a ratio to in
     * process at the same size, and (gRPC) to HTTP; and the items per CPU-second of the serving process (the service
     * alone, its clients left out), as a ratio to in process at the same size.
     */
    Table small() {
        Table t = new Table("transport", "items/request", "p50 µs", "p99 µs", "p50 × in-process 1-item p50",
                "p99 × in-process 1-item p50", SmallRequests.CALLERS + " callers req/s", "items/s",
                "× in-process (same size)", "× http (same size)", "items/CPU-s serving",
                "serving per CPU-s × in-process", "errors");
        double single = r.small("in-process", 1).map(Results.SmallRequest::p50Micros).orElse(Double.NaN);
        for (Results.SmallRequest s : r.small) {
            double inProcess = r.small("in-process", s.itemsPerRequest()).map(Results.SmallRequest::requestsPerSecond)
                    .orElse(Double.NaN);
            double http = r.small("http", s.itemsPerRequest()).map(Results.SmallRequest::requestsPerSecond)
                    .orElse(Double.NaN);
            double inProcessPerCpu = r.small("in-process", s.itemsPerRequest())
                    .map(Results.SmallRequest::servingItemsPerCpuSecond).orElse(Double.NaN);
            t.row(s.transport(), s.itemsPerRequest(), Table.num(s.p50Micros()), Table.num(s.p99Micros()),
                    Table.ratio(s.p50Micros() / single), Table.ratio(s.p99Micros() / single),
                    Table.num(s.requestsPerSecond()), Table.num(s.itemsPerSecond()),
                    Table.ratio(s.requestsPerSecond() / inProcess),
                    s.transport().startsWith("grpc") ? Table.ratio(s.requestsPerSecond() / http) : "",
                    Double.isNaN(s.servingItemsPerCpuSecond()) ? "–" : Table.num(s.servingItemsPerCpuSecond()),
                    Double.isNaN(s.servingItemsPerCpuSecond() / inProcessPerCpu) ? "–"
                            : Table.ratio(s.servingItemsPerCpuSecond() / inProcessPerCpu), s.errors());
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
