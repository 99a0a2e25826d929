package dev.sigil.bench;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.gpu.OpenClBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A long differential run: the items of the shared seeded generator ({@link AdversarialItems}: valid, and every
 * adversarial kind the unit tests use) of every scheme through the OpenCL backend and the CPU backend, counting the
 * items on which they disagree (there must be none). Exits 1 on any disagreement.
 *
 * <pre>./sigil soak --items 1 [--batch 65536] [--seed 1] [--scheme ed25519]</pre>
 * {@code --items} is in millions of items (fractions allowed, e.g. {@code 0.05}).
 */
public final class Soak {
    private static final int BASES = 512;

    private Soak() {
    }

    public static void main(String[] args) {
        double millions = Double.parseDouble(option(args, "--items", "1"));
        int batch = Integer.parseInt(option(args, "--batch", "65536"));
        long seed = Long.parseLong(option(args, "--seed", "1"));
        String only = option(args, "--scheme", null);
        long total = Math.round(millions * 1_000_000);
        List<Scheme> schemes = only == null ? List.of(Scheme.values()) : List.of(Scheme.fromWire(only).orElseThrow(
                () -> new IllegalArgumentException("unknown scheme " + only)));
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "sigil", "opencl");
        BackendContext ctx = new BackendContext(Map.of("cacheDir", cache.toString()), Path.of("."),
                Runtime.getRuntime().availableProcessors());
        long disagreements = 0;
        long done = 0;
        try (OpenClBackend gpu = OpenClBackend.open(ctx);
                CpuBackend cpu = new CpuBackend(Runtime.getRuntime().availableProcessors())) {
            System.out.printf("soak: %,d items, batches of %d, seed %d, device %s%n", total, batch, seed, gpu.device());
            List<AdversarialItems> gens = new ArrayList<>();
            for (Scheme s : schemes) {
                gens.add(new AdversarialItems(s, seed, 16, BASES));
            }
            long start = System.nanoTime();
            for (int round = 0; done < total; round++) {
                AdversarialItems g = gens.get(round % gens.size());
                int n = (int) Math.min(batch, total - done);
                RuleSet rules = round % 3 == 2 ? RuleSet.LOW_S : RuleSet.STANDARD;
                disagreements += compare(g.scheme(), rules, g.items(n), gpu, cpu);
                done += n;
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("soak: %,d / %,d items, %d disagreements, %.0f items/s both backends%n", done, total,
                        disagreements, done / secs);
            }
        }
        System.out.printf("soak: done, %,d items, %d disagreements%n", done, disagreements);
        System.exit(disagreements == 0 ? 0 : 1);
    }

    private static long compare(Scheme scheme, RuleSet rules, List<EncodedItem> items, OpenClBackend gpu,
            CpuBackend cpu) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, items.size());
        items.forEach(b::add);
        VerifyBatch batch = b.build();
        Outcome[] g = gpu.verify(batch);
        Outcome[] c = cpu.verify(batch);
        long bad = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!c[i].equals(g[i])) {
                bad++;
                if (bad <= 5) {
                    EncodedItem it = items.get(i);
                    System.out.printf("soak: DISAGREE %s/%s key=%s sig=%s cpu=%s opencl=%s%n", scheme, rules,
                            dev.sigil.crypto.Hex.encode(it.publicKey()), dev.sigil.crypto.Hex.encode(it.signature()),
                            c[i], g[i]);
                }
            }
        }
        return bad;
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
