package dev.sigil.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every figure of one bench run, in the order it was measured. Rates are wall-clock items per second; the
 * {@code itemsPerCpuSecond} figures divide by the CPU time this process used instead, which other load on a shared
 * machine distorts much less.
 */
final class Results {

    /** A backend as the sweep found it. */
    record BackendInfo(String id, String kind, String device, List<String> schemes) {
    }

    /**
     * Verify throughput of one backend for one scheme at one batch size, with the wall time of one batch call.
     * {@code mismatches} counts items whose outcome differed from the expected one (always 0 for a correct backend);
     * {@code hostDecided} the items of one batch that the backend's device left undecided and the host decided
     * after it ({@link dev.sigil.crypto.spi.Verifier#hostDecidedItems}), so that they are not read as device work.
     */
    record SweepPoint(String backend, String scheme, int batch, double itemsPerSecond, double meanBatchMicros,
            double p50BatchMicros, double p99BatchMicros, long batches, int mismatches, double itemsPerCpuSecond,
            long hostDecided) {

        SweepPoint(String backend, String scheme, int batch, double itemsPerSecond, double meanBatchMicros,
                double p50BatchMicros, double p99BatchMicros, long batches, int mismatches, double itemsPerCpuSecond) {
            this(backend, scheme, batch, itemsPerSecond, meanBatchMicros, p50BatchMicros, p99BatchMicros, batches,
                    mismatches, itemsPerCpuSecond, 0);
        }

        SweepPoint(String backend, String scheme, int batch, double itemsPerSecond, double meanBatchMicros,
                double p50BatchMicros, double p99BatchMicros, long batches, int mismatches) {
            this(backend, scheme, batch, itemsPerSecond, meanBatchMicros, p50BatchMicros, p99BatchMicros, batches,
                    mismatches, Double.NaN);
        }
    }

    /**
     * A reference figure: {@code plain-bc} (Bouncy Castle loop) or {@code openssl} ({@code openssl speed}, whose
     * own figure is already per CPU-second).
     */
    record Baseline(String source, String scheme, int threads, double itemsPerSecond, double itemsPerCpuSecond,
            String library) {

        Baseline(String source, String scheme, int threads, double itemsPerSecond) {
            this(source, scheme, threads, itemsPerSecond, Double.NaN, "");
        }

        Baseline(String source, String scheme, int threads, double itemsPerSecond, double itemsPerCpuSecond) {
            this(source, scheme, threads, itemsPerSecond, itemsPerCpuSecond, "");
        }

        /** Items per CPU-second: openssl speed's figure is one already. */
        double perCpuSecond() {
            return source.equals("openssl") ? itemsPerSecond : itemsPerCpuSecond;
        }
    }

    /**
     * secp256k1 public-key recovery on one backend at one batch size; {@code mismatches} counts keys that differ from
     * the reference's (always 0 for a correct backend).
     */
    record RecoveryPoint(String backend, int batch, double itemsPerSecond, double itemsPerCpuSecond,
            double p50BatchMicros, int mismatches) {
    }

    /** One rate step of the HTTP load test. Latencies in milliseconds from each request's scheduled send time. */
    record LoadStep(double offeredRequestsPerSecond, int itemsPerRequest, long scheduled, long ok, long errors,
            double achievedRequestsPerSecond, double p50Ms, double p99Ms, double p999Ms, double maxMs,
            boolean saturated, java.util.Map<String, Long> errorKinds) {

        double offeredItemsPerSecond() {
            return offeredRequestsPerSecond * itemsPerRequest;
        }

        double achievedItemsPerSecond() {
            return achievedRequestsPerSecond * itemsPerRequest;
        }
    }

    /**
     * Small requests over one transport ({@code in-process}: the CPU backend's verify called directly; {@code http};
     * {@code grpc}: unary; {@code grpc-stream}: one {@code VerifyStream} per caller): latency of one caller at a
     * time (microseconds, from send to answer), and the rate of {@code callers} concurrent callers in a closed loop,
     * with the items per CPU-second of the process that served them (the service's; this process's in process; NaN
     * when not known, a service given by address). {@code errors} counts calls that failed or answered wrongly.
     */
    record SmallRequest(String transport, int itemsPerRequest, double p50Micros, double p99Micros, int callers,
            double requestsPerSecond, double servingItemsPerCpuSecond, long errors) {

        double itemsPerSecond() {
            return requestsPerSecond * itemsPerRequest;
        }
    }

    /**
     * The smallest batch size from which an accelerator beats the CPU backend at every larger measured size (empty
     * when it is behind at the largest), every size at which it is ahead, and its best speed-up.
     */
    record Crossover(String backend, String scheme, Optional<Integer> batch, List<Integer> aheadAt,
            double bestSpeedup) {
    }

    final List<BackendInfo> backends = new ArrayList<>();
    final List<SweepPoint> sweep = new ArrayList<>();
    final List<Baseline> baselines = new ArrayList<>();
    final List<LoadStep> load = new ArrayList<>();
    /** Public-key recovery per backend, and its plain libsecp256k1 loop. */
    final List<RecoveryPoint> recovery = new ArrayList<>();
    final List<Baseline> recoveryBaselines = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Default routing against each backend pinned, per scheme. */
    final List<RoutingComparison.Row> routing = new ArrayList<>();
    /** Many clients with huge requests ({@code --overload}). */
    final List<OverloadRun.Outcome> overload = new ArrayList<>();
    /** The gRPC load test (the same generator and items as HTTP's) and the small-request table. */
    final List<LoadStep> grpcLoad = new ArrayList<>();
    final List<SmallRequest> small = new ArrayList<>();
    /** The cpu backend against the plain loops, measured in turn ({@link EngineComparison}). */
    final List<EngineComparison.Row> engines = new ArrayList<>();
    String grpcTarget;
    String grpcStatus = "not run";
    /** The scheme of the small-request table's items. */
    String smallScheme;
    String httpTarget;
    String httpStatus = "not run";
    String serviceBackends;
    final java.util.Map<String, Object> machine = new java.util.LinkedHashMap<>();
    double capacityItemsPerSecond;
    String command = "./sigil bench";
    String startedAt;
    double seconds;

    Optional<Baseline> baseline(String source, String scheme, int threads) {
        return baselines.stream()
                .filter(b -> b.source().equals(source) && b.scheme().equals(scheme) && b.threads() == threads)
                .findFirst();
    }

    /** The best plain Bouncy Castle figure for a scheme (the one on the most threads). */
    Optional<Baseline> plainBc(String scheme) {
        return baselines.stream().filter(b -> b.source().equals("plain-bc") && b.scheme().equals(scheme))
                .max(java.util.Comparator.comparingInt(Baseline::threads));
    }

    /**
     * The best native figure of a scheme per CPU-second: the plain native loop on one thread or {@code openssl speed}
     * (one thread), whichever is higher.
     */
    Optional<Baseline> bestNative(String scheme) {
        return baselines.stream()
                .filter(b -> b.scheme().equals(scheme) && b.threads() == 1
                        && (b.source().equals("plain-native") || b.source().equals("openssl")))
                .filter(b -> b.perCpuSecond() > 0)
                .max(java.util.Comparator.comparingDouble(Baseline::perCpuSecond));
    }

    Optional<Baseline> openssl(String scheme) {
        return baselines.stream().filter(b -> b.source().equals("openssl") && b.scheme().equals(scheme))
                .findFirst();
    }

    /** The plain libsecp256k1 recovery loop on one thread, the baseline recovery ratios are taken to. */
    Optional<Baseline> recoveryBaseline() {
        return recoveryBaselines.stream().filter(b -> b.threads() == 1).findFirst();
    }

    /** The small-request row of a transport and request size. */
    Optional<SmallRequest> small(String transport, int items) {
        return small.stream().filter(s -> s.transport().equals(transport) && s.itemsPerRequest() == items).findFirst();
    }

    List<String> schemes() {
        return sweep.stream().map(SweepPoint::scheme).distinct().toList();
    }

    List<String> backendIds() {
        return sweep.stream().map(SweepPoint::backend).distinct().toList();
    }

    List<SweepPoint> points(String backend, String scheme) {
        return sweep.stream().filter(p -> p.backend().equals(backend) && p.scheme().equals(scheme)).toList();
    }

    /** For every non-CPU backend and scheme: the smallest batch where it beats the CPU at the same batch size. */
    List<Crossover> crossovers() {
        List<Crossover> out = new ArrayList<>();
        for (String b : backendIds()) {
            if (b.equals("cpu")) {
                continue;
            }
            for (String s : schemes()) {
                List<SweepPoint> cpu = points("cpu", s);
                List<SweepPoint> acc = points(b, s);
                if (!cpu.isEmpty() && !acc.isEmpty()) {
                    out.add(crossover(b, s, acc, cpu));
                }
            }
        }
        return out;
    }

    static Crossover crossover(String backend, String scheme, List<SweepPoint> acc, List<SweepPoint> cpu) {
        Integer first = null;
        double best = 0;
        List<Integer> ahead = new ArrayList<>();
        for (SweepPoint a : acc) {
            Optional<SweepPoint> c = cpu.stream().filter(p -> p.batch() == a.batch()).findFirst();
            if (c.isEmpty() || c.get().itemsPerSecond() <= 0) {
                continue;
            }
            double ratio = a.itemsPerSecond() / c.get().itemsPerSecond();
            best = Math.max(best, ratio);
            if (ratio > 1) {
                ahead.add(a.batch());
            }
            if (ratio > 1 && first == null) {
                first = a.batch();
            } else if (ratio <= 1) {
                first = null;
            }
        }
        return new Crossover(backend, scheme, Optional.ofNullable(first), List.copyOf(ahead), best);
    }
}
