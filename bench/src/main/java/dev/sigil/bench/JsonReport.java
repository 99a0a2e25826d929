package dev.sigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every figure of the run as JSON, for regression tracking ({@code report.json}). */
final class JsonReport {
    static final int FORMAT = 1;

    private JsonReport() {
    }

    static String render(Results r) {
        Map<String, Object> root = Json.object("format", FORMAT, "command", r.command, "startedAt", r.startedAt,
                "seconds", r.seconds, "machine", r.machine, "backends", backends(r), "sweep", sweep(r),
                "baselines", baselines(r), "engines", engines(r), "recovery", recovery(r), "http", http(r),
                "grpc", grpc(r),
                "crossovers", crossovers(r), "notes", r.notes);
        return Json.write(root);
    }

    private static List<Object> backends(Results r) {
        List<Object> out = new ArrayList<>();
        for (Results.BackendInfo b : r.backends) {
            out.add(Json.object("id", b.id(), "kind", b.kind(), "device", b.device(), "schemes", b.schemes()));
        }
        return out;
    }

    private static List<Object> sweep(Results r) {
        List<Object> out = new ArrayList<>();
        for (Results.SweepPoint p : r.sweep) {
            out.add(Json.object("backend", p.backend(), "scheme", p.scheme(), "batch", p.batch(),
                    "itemsPerSecond", p.itemsPerSecond(), "itemsPerCpuSecond", p.itemsPerCpuSecond(),
                    "meanBatchMicros", p.meanBatchMicros(),
                    "p50BatchMicros", p.p50BatchMicros(), "p99BatchMicros", p.p99BatchMicros(),
                    "batches", p.batches(), "mismatches", p.mismatches(), "hostDecidedPerBatch", p.hostDecided(),
                    "vsPlainBc", ratio(p.itemsPerSecond(), r.plainBc(p.scheme())),
                    "vsOpenssl", ratio(p.itemsPerSecond(), r.openssl(p.scheme())),
                    "cpuVsBestNative", r.bestNative(p.scheme()).map(b -> p.itemsPerCpuSecond() / b.perCpuSecond())
                            .orElse(null)));
        }
        return out;
    }

    private static List<Object> engines(Results r) {
        List<Object> out = new ArrayList<>();
        for (EngineComparison.Row e : r.engines) {
            out.add(Json.object("scheme", e.scheme(), "baseline", e.baseline(), "batch", e.batch(),
                    "rounds", e.rounds(), "itemsPerCpuSecond", e.backendPerCpu(),
                    "baselineItemsPerCpuSecond", e.baselinePerCpu(), "vsBaselinePerCpuSecond", e.ratio(),
                    "minRatio", e.minRatio(), "maxRatio", e.maxRatio(), "oneThreadVsBaselinePerCpuSecond",
                    e.oneThreadRatio(), "oneThreadItemsPerSecond",
                    e.oneThreadPerSecond(), "allThreadsItemsPerSecond", e.allThreadsPerSecond(),
                    "vsOneThread", e.scaling()));
        }
        return out;
    }

    private static List<Object> recovery(Results r) {
        List<Object> out = new ArrayList<>();
        for (Results.RecoveryPoint p : r.recovery) {
            out.add(Json.object("backend", p.backend(), "batch", p.batch(), "itemsPerSecond", p.itemsPerSecond(),
                    "itemsPerCpuSecond", p.itemsPerCpuSecond(), "p50BatchMicros", p.p50BatchMicros(),
                    "mismatches", p.mismatches(), "cpuVsPlainLibsecp256k1", r.recoveryBaseline()
                            .map(b -> p.itemsPerCpuSecond() / b.perCpuSecond()).orElse(null)));
        }
        for (Results.Baseline b : r.recoveryBaselines) {
            out.add(Json.object("baseline", b.source(), "threads", b.threads(), "itemsPerSecond", b.itemsPerSecond(),
                    "itemsPerCpuSecond", b.itemsPerCpuSecond(), "library", b.library()));
        }
        return out;
    }

    private static List<Object> baselines(Results r) {
        List<Object> out = new ArrayList<>();
        for (Results.Baseline b : r.baselines) {
            out.add(Json.object("source", b.source(), "scheme", b.scheme(), "threads", b.threads(),
                    "itemsPerSecond", b.itemsPerSecond(), "itemsPerCpuSecond", b.itemsPerCpuSecond(),
                    "vsPlainBc", ratio(b.itemsPerSecond(), r.plainBc(b.scheme())), "library", b.library()));
        }
        return out;
    }

    private static Map<String, Object> http(Results r) {
        return Json.object("status", r.httpStatus, "target", r.httpTarget, "serviceBackends", r.serviceBackends,
                "inProcessCapacityItemsPerSecond", r.capacityItemsPerSecond, "steps", steps(r.load),
                "routing", routing(r), "overload", r.overload.stream().map(OverloadRun::json).toList());
    }

    private static Map<String, Object> grpc(Results r) {
        List<Object> small = new ArrayList<>();
        for (Results.SmallRequest s : r.small) {
            small.add(Json.object("transport", s.transport(), "itemsPerRequest", s.itemsPerRequest(),
                    "p50Micros", s.p50Micros(), "p99Micros", s.p99Micros(), "callers", s.callers(),
                    "requestsPerSecond", s.requestsPerSecond(), "itemsPerSecond", s.itemsPerSecond(),
                    "servingItemsPerCpuSecond", s.servingItemsPerCpuSecond(), "errors", s.errors()));
        }
        return Json.object("status", r.grpcStatus, "target", r.grpcTarget, "steps", steps(r.grpcLoad),
                "smallScheme", r.smallScheme, "small", small);
    }

    private static List<Object> steps(List<Results.LoadStep> load) {
        List<Object> steps = new ArrayList<>();
        for (Results.LoadStep s : load) {
            steps.add(Json.object("offeredRequestsPerSecond", s.offeredRequestsPerSecond(),
                    "offeredItemsPerSecond", s.offeredItemsPerSecond(), "itemsPerRequest", s.itemsPerRequest(),
                    "scheduled", s.scheduled(), "ok", s.ok(), "errors", s.errors(),
                    "achievedRequestsPerSecond", s.achievedRequestsPerSecond(),
                    "achievedItemsPerSecond", s.achievedItemsPerSecond(),
                    "achievedOverOffered", s.achievedItemsPerSecond() / s.offeredItemsPerSecond(),
                    "p50Ms", s.p50Ms(), "p99Ms", s.p99Ms(), "p999Ms", s.p999Ms(), "maxMs", s.maxMs(),
                    "saturated", s.saturated(), "errorKinds", s.errorKinds()));
        }
        return steps;
    }

    private static List<Object> routing(Results r) {
        List<Object> out = new ArrayList<>();
        for (RoutingComparison.Row row : r.routing) {
            out.add(Json.object("scheme", row.scheme(), "itemsPerRequest", row.itemsPerRequest(),
                    "itemsPerSecond", row.itemsPerSecond(), "routedOverBestPinned", row.routedOverBestPinned(),
                    "singleItemP50Ms", row.singleItemP50Ms(), "estimates", row.estimates(), "errors", row.errors(),
                    "routedItemsByBackend", row.routedItems(), "routedSingleItemsByBackend", row.routedSingles()));
        }
        return out;
    }

    private static List<Object> crossovers(Results r) {
        List<Object> out = new ArrayList<>();
        for (Results.Crossover c : r.crossovers()) {
            out.add(Json.object("backend", c.backend(), "scheme", c.scheme(), "batch", c.batch().orElse(null),
                    "aheadAt", c.aheadAt(),
                    "bestSpeedup", c.bestSpeedup()));
        }
        return out;
    }

    private static Double ratio(double v, java.util.Optional<Results.Baseline> base) {
        return base.filter(b -> b.itemsPerSecond() > 0).map(b -> v / b.itemsPerSecond()).orElse(null);
    }
}
