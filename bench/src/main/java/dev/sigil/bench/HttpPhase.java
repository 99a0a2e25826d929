package dev.sigil.bench;

import dev.sigil.crypto.Scheme;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The HTTP load test against POST /v1/verify: a service given with {@code --url}, or the real one started as a
 * child process. Rate steps are fractions of the capacity the in-process sweep measured (doubling past the list)
 * and stop at saturation
 * (achieved throughput below 90 % of the offered rate, more than 1 % errors, or p99 above two seconds). Then, unless
 * pinned with {@code --backend}, default routing against each backend pinned ({@link RoutingComparison}).
 */
final class HttpPhase {
    static final double[] QUICK_STEPS = {0.05, 0.15, 0.4, 1.0, 2.0};
    static final double[] FULL_STEPS = {0.03, 0.05, 0.07, 0.1, 0.14, 0.2, 0.28, 0.4, 0.55, 0.75, 1.0, 1.4, 2.0, 3.0};

    private final BenchOptions options;
    private final Progress progress;
    private final BenchPools pools;
    private final String mainClass;

    HttpPhase(BenchOptions options, Progress progress, BenchPools pools, String mainClass) {
        this.options = options;
        this.progress = progress;
        this.pools = pools;
        this.mainClass = mainClass;
    }

    void run(Results results, List<Scheme> schemes, double capacityItemsPerSecond) throws IOException {
        if (!options.http()) {
            skip(results, "HTTP load test skipped (--no-http)");
            return;
        }
        if (options.url() != null) {
            load(results, options.url(), schemes, capacityItemsPerSecond, () -> -1);
            return;
        }
        if (!ServiceProcess.isPresent(mainClass)) {
            skip(results, "HTTP load test skipped: the service (" + mainClass + ") is not on the class path; "
                    + "build it, or give --url of a running service");
            return;
        }
        Path log = options.out().resolve("service.log");
        progress.step("starting the service (%s), log in %s", mainClass, log);
        ServiceProcess.during(log, options.serviceConfig(),
                        service -> load(results, service.base(), schemes, capacityItemsPerSecond,
                                () -> OverloadRun.processCpuNanos(service.pid())))
                .ifPresent(why -> skip(results, "HTTP load test failed to start the service: " + why));
    }

    private void load(Results results, URI base, List<Scheme> schemes, double capacity,
            java.util.function.LongSupplier serviceCpuNanos) {
        results.httpTarget = base + (options.httpBackend() == null ? "" : " (pinned to " + options.httpBackend() + ")");
        results.serviceBackends = ServiceProcess.backends(base).orElse(null);
        int per = options.itemsPerRequest();
        double capacityRps = Math.max(1, capacity / per);
        List<LoadGenerator.Body> bodies = VerifyRequests.bodies(pools, schemes, per, 32,
                options.httpBackend());
        try (LoadGenerator gen = new LoadGenerator(base.resolve("/v1/verify"), bodies, Duration.ofSeconds(30),
                4096)) {
            progress.step("HTTP %s: warming up", base);
            results.load.addAll(steps(gen, capacityRps, per, options, progress, "HTTP"));
        }
        results.httpStatus = results.load.stream().anyMatch(Results.LoadStep::saturated) ? "ran to saturation"
                : "ran; not saturated within " + results.load.size() + " steps";
        if (options.httpBackend() == null) {
            compareRouting(results, base, schemes);
        }
        if (options.overloadClients() > 0) {
            overload(results, base, schemes.getFirst(), serviceCpuNanos);
        }
    }

    /** Many clients with huge requests ({@link OverloadRun}), on the first scheme. */
    private void overload(Results results, URI base, Scheme scheme, java.util.function.LongSupplier cpu) {
        int clients = options.overloadClients();
        int items = options.overloadItems();
        progress.step("overload %s: %d clients x %,d items for %d s", scheme.wireName(), clients, items,
                options.overloadDuration().toSeconds());
        List<LoadGenerator.Body> bodies = VerifyRequests.bodies(pools, List.of(scheme), items, Math.min(clients, 4),
                options.httpBackend());
        try {
            results.overload.add(new OverloadRun().run(base, bodies, scheme, clients, items,
                    options.overloadDuration(), OverloadRun.DEFAULT_MAX_QUEUE_DELAY_MS, cpu, progress));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Default routing against each backend pinned, per scheme, in interleaved rounds ({@link RoutingComparison}). */
    private void compareRouting(Results results, URI base, List<Scheme> schemes) {
        String listed = ServiceProcess.backends(base).orElse("");
        RoutingComparison comparison = new RoutingComparison(base);
        int rounds = options.quick() ? 2 : 4;
        Duration round = Duration.ofMillis(options.quick() ? 1_500 : 3_000);
        Duration warmup = Duration.ofSeconds(options.quick() ? 3 : 10);
        try {
            for (Scheme s : schemes) {
                List<String> pinned = RoutingComparison.verifiers(listed, s);
                if (!pinned.isEmpty()) {
                    results.routing.add(comparison.run(pools, s, pinned, 1_024, rounds, round, warmup, progress));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The i-th fraction of capacity; past the list, doubling (the in-process estimate may be low). */
    static double fraction(double[] fractions, int i) {
        int last = fractions.length - 1;
        return i <= last ? fractions[i] : fractions[last] * Math.pow(2, i - last);
    }

    /**
     * A warm-up at the first rate, then the rate steps (fractions of {@code capacityRps}) until one saturates or
     * {@code --max-steps} have run; each step reported as {@code label} (the transport).
     */
    static List<Results.LoadStep> steps(LoadGenerator gen, double capacityRps, int per, BenchOptions options,
            Progress progress, String label) {
        double[] fractions = options.quick() ? QUICK_STEPS : FULL_STEPS;
        gen.run(Math.max(1, capacityRps * fractions[0]),
                Duration.ofMillis(Math.min(2000, options.stepDuration().toMillis())));
        List<Results.LoadStep> out = new java.util.ArrayList<>();
        for (int i = 0; i < options.maxSteps(); i++) {
            Results.LoadStep step = step(gen, capacityRps * fraction(fractions, i), per, options, progress, label);
            out.add(step);
            if (step.saturated()) {
                break;
            }
        }
        return out;
    }

    private static Results.LoadStep step(LoadGenerator gen, double rps, int per, BenchOptions options,
            Progress progress, String label) {
        LoadGenerator.Step s = gen.run(rps, options.stepDuration());
        var h = s.latencyMicros();
        double p99 = h.getValueAtPercentile(99) / 1000.0;
        boolean saturated = s.achievedRate() < 0.9 * rps || s.errors() > 0.01 * s.scheduled() || p99 > 2000;
        Results.LoadStep step = new Results.LoadStep(rps, per, s.scheduled(), s.ok(), s.errors(), s.achievedRate(),
                h.getValueAtPercentile(50) / 1000.0, p99, h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0, saturated, s.errorKinds());
        progress.step("%s offered %,8.1f req/s (%,9.0f items/s): achieved %,9.0f items/s, p50 %.1f ms, p99 %.1f ms,"
                + " p99.9 %.1f ms, errors %d%s%s", label, rps, rps * per, step.achievedItemsPerSecond(), step.p50Ms(),
                p99, step.p999Ms(), s.errors(), s.errorKinds().isEmpty() ? "" : " " + s.errorKinds(),
                saturated ? "  (saturated)" : "");
        return step;
    }

    private void skip(Results results, String why) {
        results.httpStatus = why;
        results.notes.add(why);
        progress.step("%s", why);
    }
}
