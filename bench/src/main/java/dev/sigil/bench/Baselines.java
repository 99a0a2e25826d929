package dev.sigil.bench;

import dev.sigil.crypto.Scheme;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * The plain Bouncy Castle loop ({@link PlainBouncyCastle}) and the plain native loop ({@link PlainNative}) on 1
 * thread and on every core, over the same items as the sweep, and {@code openssl speed} where the machine has it.
 */
final class Baselines {
    /** A plain verification loop over prepared items; {@link #verify} is called from several threads at once. */
    interface Loop {
        /** Verifies items [from, to); returns how many are valid. */
        int verify(int from, int to);

        int size();
    }

    private final BenchOptions options;
    private final Progress progress;
    private final BenchPools pools;

    Baselines(BenchOptions options, Progress progress, BenchPools pools) {
        this.options = options;
        this.progress = progress;
        this.pools = pools;
    }

    void run(Results results, List<Scheme> schemes) {
        int cores = Runtime.getRuntime().availableProcessors();
        for (Scheme s : schemes) {
            PlainBouncyCastle plain = new PlainBouncyCastle(s, pools.items(s, 256));
            List<String> notes = new java.util.ArrayList<>();
            java.util.Optional<PlainNative> plainNative = PlainNative.of(s, pools.items(s, 256), notes);
            notes.forEach(n -> {
                results.notes.add(n);
                progress.step("%s", n);
            });
            for (int threads : cores > 1 ? List.of(1, cores) : List.of(1)) {
                double[] rate = measure(plain, threads, options.warmup(), options.measure());
                results.baselines.add(new Results.Baseline("plain-bc", s.wireName(), threads, rate[0], rate[1]));
                progress.step("plain Bouncy Castle %-16s %d thread(s): %,12.0f items/s, %,10.0f items/CPU-s", s,
                        threads, rate[0], rate[1]);
                if (plainNative.isPresent()) {
                    double[] nat = measure(plainNative.get(), threads, options.warmup(), options.measure());
                    results.baselines.add(new Results.Baseline("plain-native", s.wireName(), threads, nat[0], nat[1],
                            plainNative.get().library()));
                    progress.step("plain native (%s) %-16s %d thread(s): %,12.0f items/s, %,10.0f items/CPU-s",
                            plainNative.get().library(), s, threads, nat[0], nat[1]);
                }
            }
        }
        if (options.openssl()) {
            OpenSslSpeed.run(schemes, progress, results, options.out());
        }
    }

    /**
     * Items per second of the plain loop on {@code threads} threads, each walking the item list (the median over
     * slices of the measuring time, as for the backends), and items per CPU-second of this process.
     */
    static double[] measure(Loop plain, int threads, Duration warmup, Duration measure) {
        plain.verify(0, plain.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            run(plain, pool, threads, warmup.toNanos());
            BackendSweep.untilJitQuiet(() -> run(plain, pool, threads, 250_000_000L));
            double[] rates = new double[BackendSweep.SLICES];
            long cpu0 = BackendSweep.processCpuNanos();
            long total = 0;
            for (int i = 0; i < rates.length; i++) {
                long start = System.nanoTime();
                long items = run(plain, pool, threads, measure.toNanos() / rates.length);
                rates[i] = items / ((System.nanoTime() - start) / 1e9);
                total += items;
            }
            long cpu = BackendSweep.processCpuNanos() - cpu0;
            return new double[] {BackendSweep.median(rates), cpu0 < 0 || cpu <= 0 ? Double.NaN : total / (cpu / 1e9)};
        } finally {
            pool.shutdownNow();
        }
    }

    private static long run(Loop plain, ExecutorService pool, int threads, long nanos) {
        LongAdder items = new LongAdder();
        long end = System.nanoTime() + nanos;
        List<Future<?>> fs = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                do {
                    for (int i = 0; i < plain.size(); i += 16) {
                        plain.verify(i, Math.min(plain.size(), i + 16));
                        items.add(Math.min(16, plain.size() - i));
                        if (System.nanoTime() >= end) {
                            return;
                        }
                    }
                } while (System.nanoTime() < end);
            }));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("plain Bouncy Castle loop failed", e);
            }
        }
        return items.sum();
    }
}
