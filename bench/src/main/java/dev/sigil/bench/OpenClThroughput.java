package dev.sigil.bench;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoverBatchBuilder;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.gpu.OpenClBackend;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The OpenCL backend alone, per scheme and for secp256k1 recovery: items per wall-clock second and per CPU-second of
 * the whole process. On an OpenCL CPU device (PoCL) the kernels run on the process's own native threads, which the
 * bench's per-Java-thread CPU time leaves out; the process's CPU time counts them, so this figure stays comparable
 * between two runs on a machine shared with other work. Valid items of the shared generator (compressed and
 * uncompressed keys, messages and digests); the best of {@code rounds} rounds counts.
 *
 * <pre>./sigil run OpenClThroughput [--batches 1024,4096] [--seconds 3] [--rounds 2] [--set localSize=64]
 *     [--work ecdsa-p256|...|ecrecover]</pre>
 */
public final class OpenClThroughput {
    private OpenClThroughput() {
    }

    public static void main(String[] args) {
        int[] batches = java.util.Arrays.stream(option(args, "--batches", "1024,4096").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double seconds = Double.parseDouble(option(args, "--seconds", "3"));
        int rounds = Integer.parseInt(option(args, "--rounds", "2"));
        Map<String, Object> settings = new HashMap<>();
        settings.put("cacheDir", Path.of(System.getProperty("user.home"), ".cache", "sigil", "opencl").toString());
        String only = option(args, "--work", null);
        String set = option(args, "--set", null);
        if (set != null) {
            String[] kv = set.split("=", 2);
            settings.put(kv[0], kv[1]);
        }
        try (OpenClBackend gpu = OpenClBackend.open(new BackendContext(settings, Path.of("."),
                Runtime.getRuntime().availableProcessors()))) {
            System.out.printf("device %s, %.1f s x %d rounds%n", gpu.device(), seconds, rounds);
            System.out.println("| work | batch | items/s | items per CPU-second (process) |");
            System.out.println("| --- | ---: | ---: | ---: |");
            for (int batch : batches) {
                for (Scheme s : Scheme.values()) {
                    if (only == null || only.equals(s.toString())) {
                        VerifyBatch b = verifyBatch(s, batch);
                        report(s.toString(), batch, seconds, rounds, () -> check(gpu.verify(b)));
                    }
                }
                if (only == null || only.equals("ecrecover")) {
                    RecoverBatch r = recoverBatch(batch);
                    report("ecrecover", batch, seconds, rounds, () -> check(gpu.recover(r)));
                }
            }
        }
    }

    private static VerifyBatch verifyBatch(Scheme s, int batch) {
        AdversarialItems g = new AdversarialItems(s, 42, 32, 256);
        VerifyBatchBuilder b = VerifyBatch.builder(s, RuleSet.STANDARD, batch);
        for (int i = 0; i < batch; i++) {
            b.add(g.item(AdversarialItems.Kind.VALID).item());
        }
        return b.build();
    }

    private static RecoverBatch recoverBatch(int batch) {
        AdversarialItems g = new AdversarialItems(Scheme.ECDSA_SECP256K1, 43, 32, 256);
        RecoverBatchBuilder b = RecoverBatch.builder(RuleSet.STANDARD, batch);
        for (int i = 0; i < batch; i++) {
            b.add(g.recoverItem(AdversarialItems.RecoverKind.VALID).item());
        }
        return b.build();
    }

    private static Object check(Outcome[] outcomes) {
        for (Outcome o : outcomes) {
            if (!o.isValid()) {
                throw new IllegalStateException("a valid benchmark item was not valid: " + o);
            }
        }
        return outcomes;
    }

    private static Object check(RecoveredKeys keys) {
        return check(keys.outcomes());
    }

    private static void report(String name, int batch, double seconds, int rounds, Supplier<Object> work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        work.get();
        double wallBest = 0;
        double cpuBest = 0;
        for (int r = 0; r < rounds; r++) {
            long cpu0 = os.getProcessCpuTime();
            long start = System.nanoTime();
            long done = 0;
            do {
                work.get();
                done += batch;
            } while (System.nanoTime() - start < seconds * 1e9);
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            wallBest = Math.max(wallBest, done / wall);
            cpuBest = Math.max(cpuBest, done / cpu);
        }
        System.out.printf("| %s | %d | %.0f | %.0f |%n", name, batch, wallBest, cpuBest);
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
