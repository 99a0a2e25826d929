package dev.sigil.bench;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.gpu.OpenClBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The throughput part of {@code sigil gpu-check}: per scheme, the device and the cpu backend on batches of
 * 2^10 … {@code maxBatch} items (valid signatures, one in eight with a tampered message; a pool of distinct items
 * repeated to fill the large batches), the median time per batch, a least-squares fit of time = fixed + n × per item
 * for each, and the crossover: the smallest measured batch size from which the device is faster than the cpu
 * backend (beyond the batch sizes measured on the cpu backend, its fit stands in).
 */
final class GpuSweep {
    static final int MIN_BATCH = 1 << 10;
    static final int MAX_BATCH = 1 << 20;
    /** Default largest batch on an OpenCL CPU device (PoCL), which shares the host's cores with the cpu backend. */
    static final int CPU_DEVICE_DEFAULT = 1 << 11;
    /** Largest batch the cpu backend is timed at (its throughput is flat from far smaller batches on). */
    static final int CPU_MAX_BATCH = 1 << 14;
    private static final int DISTINCT = 2048;

    private final OpenClBackend gpu;
    private final CpuBackend cpu;
    private final Progress progress;
    private final int maxBatch;
    private final long measureNanos;
    private final BenchPools pools;

    GpuSweep(OpenClBackend gpu, CpuBackend cpu, Progress progress, int maxBatch, int measureMs) {
        this.gpu = gpu;
        this.cpu = cpu;
        this.progress = progress;
        this.maxBatch = maxBatch;
        this.measureNanos = measureMs * 1_000_000L;
        this.pools = new BenchPools(Math.min(DISTINCT, Math.max(MIN_BATCH, maxBatch)), progress);
    }

    List<Map<String, Object>> run(List<Scheme> schemes) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (maxBatch < MIN_BATCH) {
            return out;
        }
        for (Scheme s : schemes) {
            out.add(scheme(s));
        }
        return out;
    }

    private Map<String, Object> scheme(Scheme s) {
        VerifyBatch pool = AdversarialItems.batch(s, RuleSet.STANDARD, pools.items(s, Math.min(DISTINCT, maxBatch)));
        VerifyBatch full = repeat(pool, maxBatch);
        long hostBefore = gpu.hostDecidedItems(s);
        List<Map<String, Object>> points = new ArrayList<>();
        List<double[]> device = new ArrayList<>();
        List<double[]> host = new ArrayList<>();
        gpu.verify(full.slice(0, MIN_BATCH));
        cpu.verify(full.slice(0, MIN_BATCH));
        for (int n = MIN_BATCH; n <= maxBatch; n <<= 1) {
            VerifyBatch batch = n == full.size() ? full : full.slice(0, n);
            double g = secondsPerBatch(gpu, batch);
            device.add(new double[] {n, g});
            Double c = null;
            if (n <= CPU_MAX_BATCH) {
                c = secondsPerBatch(cpu, batch);
                host.add(new double[] {n, c});
            }
            points.add(Json.object("batch", n, "secondsPerBatch", g, "itemsPerSecond", n / g,
                    "cpuSecondsPerBatch", c, "cpuItemsPerSecond", c == null ? null : n / c));
            progress.step("sweep %-16s batch %8d: opencl %,12.0f items/s, cpu %s", s.wireName(), n, n / g,
                    c == null ? "(fit)" : String.format("%,12.0f items/s", n / c));
        }
        double[] gf = fit(device);
        double[] cf = fit(host);
        Integer crossover = null;
        for (double[] p : device) {
            double cpuSeconds = host.stream().filter(h -> h[0] == p[0]).map(h -> h[1]).findFirst()
                    .orElse(cf[0] + cf[1] * p[0]);
            if (p[1] < cpuSeconds) {
                crossover = (int) p[0];
                break;
            }
        }
        return Json.object("scheme", s.wireName(), "points", points,
                "fixedMs", gf[0] * 1e3, "perItemMicros", gf[1] * 1e6,
                "cpuFixedMs", cf[0] * 1e3, "cpuPerItemMicros", cf[1] * 1e6,
                "crossoverBatch", crossover, "hostDecided", gpu.hostDecidedItems(s) - hostBefore,
                "deviceMemoryBytes", gpu.deviceMemoryBytes());
    }

    /** The pool repeated (and cut) to {@code size} items. */
    static VerifyBatch repeat(VerifyBatch pool, int size) {
        if (size <= pool.size()) {
            return size == pool.size() ? pool : pool.slice(0, size);
        }
        List<VerifyBatch> parts = new ArrayList<>(Collections.nCopies(size / pool.size(), pool));
        if (size % pool.size() != 0) {
            parts.add(pool.slice(0, size % pool.size()));
        }
        return VerifyBatch.concat(parts);
    }

    /**
     * The median time of one call: at least two calls and the measuring time (each backend has run a batch of the
     * scheme before the first point, so programs, tables and the JIT are warm).
     */
    private double secondsPerBatch(Verifier v, VerifyBatch batch) {
        List<Long> times = new ArrayList<>();
        long end = System.nanoTime() + measureNanos;
        while (times.size() < 2 || System.nanoTime() < end) {
            long t0 = System.nanoTime();
            v.verify(batch);
            times.add(System.nanoTime() - t0);
        }
        long[] a = times.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2] / 1e9;
    }

    /** Least squares of seconds = fixed + n × perItem over the points {n, seconds}: {fixed, perItem}. */
    static double[] fit(List<double[]> points) {
        int k = points.size();
        if (k == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (k == 1) {
            return new double[] {0, points.get(0)[1] / points.get(0)[0]};
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
        double intercept = (sy - slope * sx) / k;
        return new double[] {Math.max(0, intercept), slope};
    }
}
