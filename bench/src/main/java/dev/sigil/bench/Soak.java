package dev.sigil.bench;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoverBatchBuilder;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.Recoverer;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.gpu.OpenClBackend;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A long differential run: the items of the shared seeded generator ({@link AdversarialItems}: valid, and every
 * adversarial kind the unit tests use) of every scheme through the OpenCL backend and the CPU backend, counting the
 * items on which they disagree (there must be none). When both backends recover secp256k1 public keys and
 * ecdsa-secp256k1 is among the schemes, recovery items ({@link AdversarialItems#recoverItems}) take turns with the
 * verify batches, and an item disagrees when the outcome or the recovered point differs. Exits 1 on any disagreement.
 *
 * <pre>./sigil soak --items 1 [--batch 65536] [--seed 1] [--scheme ed25519] [--recover true]</pre>
 * {@code --items} is in millions of items (fractions allowed, e.g. {@code 0.05}); {@code --recover false} leaves
 * recovery out.
 */
public final class Soak {
    private static final int BASES = 512;
    private static final int SHOWN = 5;

    private Soak() {
    }

    /** What one run did: items and disagreements per operation. */
    public record Tally(long verifyItems, long verifyDisagreements, long recoverItems, long recoverDisagreements) {
        public long items() {
            return verifyItems + recoverItems;
        }

        public long disagreements() {
            return verifyDisagreements + recoverDisagreements;
        }
    }

    public static void main(String[] args) {
        double millions = Double.parseDouble(option(args, "--items", "1"));
        int batch = Integer.parseInt(option(args, "--batch", "65536"));
        long seed = Long.parseLong(option(args, "--seed", "1"));
        String only = option(args, "--scheme", null);
        boolean recover = Boolean.parseBoolean(option(args, "--recover", "true"));
        long total = Math.round(millions * 1_000_000);
        List<Scheme> schemes = only == null ? List.of(Scheme.values()) : List.of(Scheme.fromWire(only).orElseThrow(
                () -> new IllegalArgumentException("unknown scheme " + only)));
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "sigil", "opencl");
        BackendContext ctx = new BackendContext(Map.of("cacheDir", cache.toString()), Path.of("."),
                Runtime.getRuntime().availableProcessors());
        Tally tally;
        try (OpenClBackend gpu = OpenClBackend.open(ctx);
                CpuBackend cpu = new CpuBackend(Runtime.getRuntime().availableProcessors())) {
            System.out.printf("soak: %,d items, batches of %d, seed %d, device %s%n", total, batch, seed, gpu.device());
            tally = run(cpu, gpu, schemes, recover, total, batch, seed, System.out);
        }
        System.out.printf("soak: done, %,d items (%,d verify, %,d recover), %d disagreements (%d verify, %d recover)%n",
                tally.items(), tally.verifyItems(), tally.recoverItems(), tally.disagreements(),
                tally.verifyDisagreements(), tally.recoverDisagreements());
        System.exit(tally.disagreements() == 0 ? 0 : 1);
    }

    /**
     * Runs {@code total} items through both backends, the reference first: verify batches of every scheme in turn
     * and, when both backends recover secp256k1 and {@code recover} is set, a recovery batch after each round of
     * the schemes (only when ecdsa-secp256k1 is among them). Every third batch is under {@code low-s}.
     */
    public static Tally run(Backend reference, Backend other, List<Scheme> schemes, boolean recover, long total,
            int batch, long seed, PrintStream out) {
        List<AdversarialItems> gens = new ArrayList<>();
        for (Scheme s : schemes) {
            gens.add(new AdversarialItems(s, seed, 16, BASES));
        }
        AdversarialItems recoverGen = recovers(reference) && recovers(other) && recover
                && schemes.contains(Scheme.ECDSA_SECP256K1)
                ? new AdversarialItems(Scheme.ECDSA_SECP256K1, seed + 1, 16, BASES) : null;
        int turns = gens.size() + (recoverGen == null ? 0 : 1);
        long[] t = new long[4];
        long done = 0;
        long start = System.nanoTime();
        for (int round = 0; done < total; round++) {
            int n = (int) Math.min(batch, total - done);
            RuleSet rules = round % 3 == 2 ? RuleSet.LOW_S : RuleSet.STANDARD;
            int turn = round % turns;
            if (turn < gens.size()) {
                AdversarialItems g = gens.get(turn);
                t[0] += n;
                t[1] += compareVerify(g.scheme(), rules, g.items(n), reference, other, out);
            } else {
                t[2] += n;
                t[3] += compareRecover(rules, recoverGen.recoverItems(n), reference, other, out);
            }
            done += n;
            double secs = (System.nanoTime() - start) / 1e9;
            out.printf("soak: %,d / %,d items, %d disagreements (%d verify, %d recover), %.0f items/s both backends%n",
                    done, total, t[1] + t[3], t[1], t[3], done / secs);
        }
        return new Tally(t[0], t[1], t[2], t[3]);
    }

    private static boolean recovers(Backend b) {
        Optional<Recoverer> r = b.recoverer();
        return r.isPresent() && r.get().recoverableSchemes().contains(Scheme.ECDSA_SECP256K1);
    }

    static long compareVerify(Scheme scheme, RuleSet rules, List<EncodedItem> items, Backend reference,
            Backend other, PrintStream out) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, items.size());
        items.forEach(b::add);
        VerifyBatch batch = b.build();
        Verifier rv = reference.verifier().orElseThrow();
        Verifier ov = other.verifier().orElseThrow();
        Outcome[] c = rv.verify(batch);
        Outcome[] g = ov.verify(batch);
        long bad = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!c[i].equals(g[i])) {
                bad++;
                if (bad <= SHOWN) {
                    EncodedItem it = items.get(i);
                    out.printf("soak: DISAGREE verify %s/%s key=%s sig=%s %s=%s %s=%s%n", scheme, rules,
                            Hex.encode(it.publicKey()), Hex.encode(it.signature()), reference.id(), c[i], other.id(),
                            g[i]);
                }
            }
        }
        return bad;
    }

    static long compareRecover(RuleSet rules, List<AdversarialItems.RecoverItem> items, Backend reference,
            Backend other, PrintStream out) {
        RecoverBatchBuilder b = RecoverBatch.builder(rules, items.size());
        items.forEach(it -> b.add(it.item()));
        RecoverBatch batch = b.build();
        RecoveredKeys c = reference.recoverer().orElseThrow().recover(batch);
        RecoveredKeys g = other.recoverer().orElseThrow().recover(batch);
        long bad = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!c.outcome(i).equals(g.outcome(i)) || !Arrays.equals(c.uncompressed(i), g.uncompressed(i))) {
                bad++;
                if (bad <= SHOWN) {
                    EncodedItem it = items.get(i).item();
                    out.printf("soak: DISAGREE recover %s/%s kind=%s %s sig=%s %s=%s %s %s=%s %s%n",
                            Scheme.ECDSA_SECP256K1, rules, items.get(i).kind(),
                            it.digest() != null ? "digest=" + hex(it.digest()) : "message=" + hex(it.message()),
                            Hex.encode(it.signature()), reference.id(), c.outcome(i), hex(c.uncompressed(i)),
                            other.id(), g.outcome(i), hex(g.uncompressed(i)));
                }
            }
        }
        return bad;
    }

    private static String hex(byte[] b) {
        return b == null ? "-" : Hex.encode(b);
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
