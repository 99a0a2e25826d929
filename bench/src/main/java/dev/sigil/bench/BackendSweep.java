package dev.sigil.bench;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.crypto.testing.AdversarialItems;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Every backend the machine has (found with {@link ServiceLoader}) × every scheme it verifies × every batch size,
 * in process. Each point runs the backend on one prepared batch for a warm-up, then for the measuring time, and
 * checks the outcomes of the first call against the expected ones (one item in eight is a tampered message).
 */
final class BackendSweep {
    private final BenchOptions options;
    private final Progress progress;
    private final BenchPools pools;
    private final Path dataDir;

    BackendSweep(BenchOptions options, Progress progress, BenchPools pools, Path dataDir) {
        this.options = options;
        this.progress = progress;
        this.pools = pools;
        this.dataDir = dataDir;
    }

    void run(Results results) {
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
            String id = provider.id();
            if (!options.wantsBackend(id)) {
                continue;
            }
            BackendContext ctx = new BackendContext(options.settingsFor(id), dataDir,
                    Runtime.getRuntime().availableProcessors());
            if (!provider.isAvailable(ctx)) {
                note(results, "backend " + id + ": not available on this machine (skipped)");
                continue;
            }
            progress.step("backend %s: starting", id);
            try (Backend backend = provider.create(ctx)) {
                sweep(backend, results);
            } catch (RuntimeException e) {
                note(results, "backend " + id + ": failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                        + "); its remaining points are missing");
            }
        }
    }

    private void sweep(Backend backend, Results results) {
        List<String> schemes = new ArrayList<>();
        for (Scheme scheme : Scheme.values()) {
            if (backend.verifier().filter(v -> v.verifiableSchemes().contains(scheme)).isPresent()
                    && options.wantsScheme(scheme.wireName())) {
                schemes.add(scheme.wireName());
            }
        }
        results.backends.add(new Results.BackendInfo(backend.id(), backend.kind().toString(), backend.device(),
                schemes));
        progress.step("backend %s: %s, schemes %s", backend.id(), backend.device(), String.join(", ", schemes));
        for (String s : schemes) {
            Scheme scheme = Scheme.fromWire(s).orElseThrow();
            VerifyBatch warm = AdversarialItems.batch(scheme, RuleSet.STANDARD, pools.items(scheme, 1024));
            untilJitQuiet(() -> {
                long end = System.nanoTime() + 250_000_000L;
                long n = 0;
                while (System.nanoTime() < end) {
                    backend.verifier().orElseThrow().verify(warm);
                    n++;
                }
                return n;
            });
            for (int size : options.batchSizes()) {
                Results.SweepPoint p = point(backend, scheme, size);
                results.sweep.add(p);
                progress.step("%-7s %-16s batch %6d: %,12.0f items/s, %,10.0f items/CPU-s  (%,.0f µs per batch)%s",
                        backend.id(), s, size, p.itemsPerSecond(), p.itemsPerCpuSecond(), p.meanBatchMicros(),
                        p.mismatches() == 0 ? "" : "  WRONG OUTCOMES: " + p.mismatches());
                if (p.mismatches() > 0) {
                    note(results, backend.id() + " " + s + " batch " + size + ": " + p.mismatches()
                            + " outcomes differ from the expected ones");
                }
            }
        }
    }

    private Results.SweepPoint point(Backend backend, Scheme scheme, int size) {
        VerifyBatch batch = AdversarialItems.batch(scheme, RuleSet.STANDARD, pools.items(scheme, size));
        boolean[] expected = pools.expectedValid(scheme, size);
        Verifier verifier = backend.verifier().orElseThrow();
        long hostBefore = verifier.hostDecidedItems(scheme);
        int mismatches = mismatches(verifier.verify(batch), expected);
        long onHost = verifier.hostDecidedItems(scheme) - hostBefore;
        Timed t = time(() -> verifier.verify(batch), options.warmup(), options.measure());
        return new Results.SweepPoint(backend.id(), scheme.wireName(), size, t.medianCallsPerSecond() * size,
                t.histogram().getMean(), t.histogram().getValueAtPercentile(50),
                t.histogram().getValueAtPercentile(99), t.calls(), mismatches, t.callsPerCpuSecond() * size, onHost);
    }

    static int mismatches(Outcome[] out, boolean[] expectedValid) {
        int n = out.length == expectedValid.length ? 0 : Math.abs(out.length - expectedValid.length);
        for (int i = 0; i < Math.min(out.length, expectedValid.length); i++) {
            n += out[i].isValid() == expectedValid[i] ? 0 : 1;
        }
        return n;
    }

    /**
     * Calls, elapsed nanoseconds, a histogram of microseconds per call, and the median of the call rates of
     * {@value #SLICES} consecutive slices of the measuring time (robust against a burst of other work on a shared
     * machine, which a plain mean over the whole time is not).
     */
    record Timed(long calls, long nanos, Histogram histogram, double medianCallsPerSecond, long cpuNanos) {

        double callsPerCpuSecond() {
            return cpuNanos > 0 ? calls / (cpuNanos / 1e9) : Double.NaN;
        }
    }

    /** CPU time used so far by every thread of this process (including native library threads), or -1. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    static final int SLICES = 5;

    /**
     * Runs the task (a quarter-second of work) until the JIT compiler has gone quiet: less than 2 % of the elapsed
     * time compiling in the last round, at most 40 rounds. The first scheme a process measures otherwise pays for
     * compiling the code paths it shares with every later one (seconds of C2 time for Bouncy Castle's GLV
     * secp256k1 path on a busy 2-core machine), and items per CPU-second count the compiler's threads.
     */
    static void untilJitQuiet(Supplier<?> quarterSecond) {
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        for (int round = 0; round < 40; round++) {
            long c0 = jit.getTotalCompilationTime();
            long t0 = System.nanoTime();
            quarterSecond.get();
            double compilingMs = jit.getTotalCompilationTime() - c0;
            if (compilingMs < 0.02 * (System.nanoTime() - t0) / 1e6) {
                return;
            }
        }
    }

    /**
     * Runs the task for the warm-up, then for {@value #SLICES} slices of a fifth of the measuring time each, every
     * slice at least one call. When a typical call outlasts a slice, it stops once the measuring time is over.
     */
    static Timed time(Supplier<?> task, Duration warmup, Duration measure) {
        long end = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() < end) {
            task.get();
        }
        Histogram h = new Histogram(3_600_000_000L, 3);
        long sliceNanos = Math.max(1, measure.toNanos() / SLICES);
        double[] rates = new double[SLICES];
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        long now = start;
        long calls = 0;
        int slices = 0;
        while (slices < SLICES) {
            long sliceStart = now;
            long sliceCalls = 0;
            do {
                long t0 = now;
                task.get();
                now = System.nanoTime();
                h.recordValue(Math.max(1, (now - t0) / 1000));
                sliceCalls++;
            } while (now < sliceStart + sliceNanos);
            calls += sliceCalls;
            rates[slices++] = sliceCalls / ((now - sliceStart) / 1e9);
            if (now - start >= measure.toNanos() && h.getValueAtPercentile(50) * 1000 > sliceNanos) {
                break;
            }
        }
        long cpu = cpu0 < 0 ? -1 : processCpuNanos() - cpu0;
        return new Timed(calls, now - start, h, median(java.util.Arrays.copyOf(rates, slices)), cpu);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private void note(Results results, String text) {
        results.notes.add(text);
        progress.step("%s", text);
    }
}
