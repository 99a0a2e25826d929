package dev.sigil.bench;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.gpu.OpenClBackend;
import dev.sigil.crypto.testing.AdversarialItems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Items per second of the OpenCL backend and the CPU backend (all cores) on the same valid items, per scheme and
 * batch size, measured alternately (OpenCL, CPU, OpenCL, CPU) so that load from elsewhere on the machine hits both
 * alike; the best round of each counts. Beside wall-clock items per second it reports items per CPU-second of this
 * process (OpenCL on a CPU device runs in-process), which stays comparable on a machine shared with other work.
 * Prints a Markdown table with the ratios and the crossover batch size (wall clock).
 *
 * <pre>java -cp "bench/target/sigil-bench.jar:bench/target/lib/*" dev.sigil.bench.GpuVsCpuTable [seconds]</pre>
 * The JMH form of the same comparison is {@link GpuVsCpuBenchmark}.
 */
public final class GpuVsCpuTable {
    private static final int[] BATCHES = {64, 256, 1024, 4096, 16384, 65536};

    private GpuVsCpuTable() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 1.5;
        int cores = Runtime.getRuntime().availableProcessors();
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "sigil", "opencl");
        try (OpenClBackend gpu = OpenClBackend.open(new BackendContext(Map.of("cacheDir", cache.toString()),
                Path.of("."), cores)); CpuBackend cpu = new CpuBackend(cores)) {
            System.out.printf("OpenCL device: %s; CPU backend: %s%n%n", gpu.device(), cpu.device());
            System.out.println("| scheme | batch | OpenCL items/s | CPU items/s | ratio | OpenCL items/CPU-s"
                    + " | CPU items/CPU-s | ratio |");
            System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Scheme s : Scheme.values()) {
                table(s, gpu, cpu, seconds);
            }
        }
    }

    private static void table(Scheme s, Backend gpu, Backend cpu, double seconds) {
        List<AdversarialItems.Signed> distinct = new AdversarialItems(s, 42, 64, 2048).signed();
        Integer crossover = null;
        for (int batch : BATCHES) {
            List<AdversarialItems.Signed> all = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                all.add(distinct.get(i % distinct.size()));
            }
            VerifyBatch items = AdversarialItems.batch(s, RuleSet.STANDARD, all);
            check(gpu, items);
            check(cpu, items);
            int rounds = batch >= 16384 ? 1 : 2;
            double[] g = {0, 0};
            double[] c = {0, 0};
            for (int r = 0; r < rounds; r++) {
                best(g, rate(gpu, items, seconds));
                best(c, rate(cpu, items, seconds));
            }
            if (crossover == null && g[0] >= c[0]) {
                crossover = batch;
            }
            System.out.printf("| %s | %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f |%n", s, batch, g[0], c[0],
                    g[0] / c[0], g[1], c[1], g[1] / c[1]);
        }
        System.out.printf("| %s | crossover | %s | | | | | |%n", s, crossover == null ? "none up to 65536" : crossover);
    }

    private static void check(Backend b, VerifyBatch items) {
        for (Outcome o : b.verifier().orElseThrow().verify(items)) {
            if (!o.isValid()) {
                throw new IllegalStateException(b.id() + " rejected a benchmark item");
            }
        }
    }

    private static void best(double[] acc, double[] r) {
        acc[0] = Math.max(acc[0], r[0]);
        acc[1] = Math.max(acc[1], r[1]);
    }

    /** Items per wall-clock second and per CPU-second of this process. */
    private static double[] rate(Backend b, VerifyBatch items, double seconds) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        long done = 0;
        do {
            b.verifier().orElseThrow().verify(items);
            done += items.size();
        } while (System.nanoTime() - start < seconds * 1e9);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        return new double[] {done / wall, done / cpu};
    }
}
