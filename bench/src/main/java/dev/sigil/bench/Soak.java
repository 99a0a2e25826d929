package dev.sigil.bench;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.gpu.OpenClBackend;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A long differential run: random valid and tampered items of every scheme through the OpenCL backend and the CPU
 * backend, counting the items on which they disagree (there must be none). Exits 1 on any disagreement.
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
            List<Generator> gens = new ArrayList<>();
            for (Scheme s : schemes) {
                gens.add(new Generator(s, seed, cpu));
            }
            long start = System.nanoTime();
            for (int round = 0; done < total; round++) {
                Generator g = gens.get(round % gens.size());
                int n = (int) Math.min(batch, total - done);
                RuleSet rules = round % 3 == 2 ? RuleSet.LOW_S : RuleSet.STANDARD;
                disagreements += compare(g.scheme, rules, g.items(n), gpu, cpu);
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

    /** Base signatures made once, and random variants of them (valid, flipped bits, high S, wrong key, ...). */
    private static final class Generator {
        private final Scheme scheme;
        private final Random rnd;
        private final List<SigningKey.Software> keys = new ArrayList<>();
        private final List<byte[]> messages = new ArrayList<>();
        private final List<byte[]> signatures = new ArrayList<>();
        private final List<Integer> signer = new ArrayList<>();

        Generator(Scheme scheme, long seed, CpuBackend cpu) {
            this.scheme = scheme;
            this.rnd = new Random(seed * 31 + scheme.ordinal());
            for (int k = 0; k < 16; k++) {
                keys.add(SoftwareKeys.generate("soak-" + k, scheme));
            }
            for (int b = 0; b < BASES; b++) {
                int k = b % keys.size();
                byte[] m = new byte[rnd.nextInt(100)];
                rnd.nextBytes(m);
                byte[] input = scheme == Scheme.ED25519 ? m
                        : Hashes.signedDigest(scheme, (EcPublicKey) keys.get(k).publicKey(), Sm2.DEFAULT_USER_ID, m);
                messages.add(m);
                signer.add(k);
                signatures.add(cpu.sign(keys.get(k), List.of(input)).getFirst().bytes());
            }
        }

        List<EncodedItem> items(int n) {
            List<EncodedItem> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int b = rnd.nextInt(BASES);
                out.add(scheme == Scheme.ED25519 ? ed25519(b) : weierstrass(b));
            }
            return out;
        }

        private EncodedItem weierstrass(int b) {
            Curve c = scheme.requireCurve();
            EcPublicKey key = (EcPublicKey) keys.get(signer.get(b)).publicKey();
            byte[] msg = messages.get(b);
            EcSignature sig = EcSignature.fromRaw(signatures.get(b));
            switch (rnd.nextInt(8)) {
                case 3 -> sig = EcSignature.fromRaw(flip(sig.toRaw()));
                case 4 -> msg = flip(msg.length == 0 ? new byte[1] : msg);
                case 5 -> sig = new EcSignature(sig.r(), c.n().subtract(sig.s()));
                case 6 -> key = (EcPublicKey) keys.get((signer.get(b) + 1) % keys.size()).publicKey();
                case 7 -> sig = new EcSignature(new BigInteger(256, rnd).mod(c.n()), sig.s());
                default -> { }
            }
            byte[] pk = rnd.nextBoolean() ? key.compressed() : key.uncompressed();
            boolean der = rnd.nextBoolean();
            return EncodedItem.ofMessage(pk, msg, der ? sig.toDer() : sig.toRaw())
                    .withFormat(der ? SignatureFormat.DER : SignatureFormat.RAW);
        }

        private EncodedItem ed25519(int b) {
            byte[] pk = keys.get(signer.get(b)).publicKey().encoded();
            byte[] msg = messages.get(b);
            byte[] sig = signatures.get(b).clone();
            switch (rnd.nextInt(7)) {
                case 3 -> sig[rnd.nextInt(32)] ^= (byte) (1 << rnd.nextInt(8));
                case 4 -> sig[32 + rnd.nextInt(32)] ^= (byte) (1 << rnd.nextInt(8));
                case 5 -> msg = flip(msg.length == 0 ? new byte[1] : msg);
                case 6 -> pk = keys.get((signer.get(b) + 1) % keys.size()).publicKey().encoded();
                default -> { }
            }
            return EncodedItem.ofMessage(pk, msg, sig);
        }

        private byte[] flip(byte[] in) {
            byte[] out = in.clone();
            out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
            return out;
        }
    }
}
