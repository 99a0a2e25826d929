package dev.sigil.bench;

import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoverBatchBuilder;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.Recoverer;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.secp256k1.Secp256k1;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * secp256k1 public-key recovery (Ethereum's {@code ecrecover}) in process: every backend that recovers, at a few batch
 * sizes, against a plain libsecp256k1 {@code ecdsa_recover} loop through the project's binding over the same
 * prepared items (one thread and every core). Items are the sweep's secp256k1 pool with their recovery ids (one in
 * eight has a tampered message, which recovers another key); every backend's answers are checked against the
 * Bouncy Castle reference's.
 */
final class RecoveryBenchmark {
    private final BenchOptions options;
    private final Progress progress;
    private final BenchPools pools;
    private final Path dataDir;

    RecoveryBenchmark(BenchOptions options, Progress progress, BenchPools pools, Path dataDir) {
        this.options = options;
        this.progress = progress;
        this.pools = pools;
        this.dataDir = dataDir;
    }

    /** The batch sizes measured: a quick run takes one. */
    List<Integer> sizes() {
        return options.quick() ? List.of(256) : List.of(1024, 16384);
    }

    void run(Results results) {
        if (!options.wantsScheme(Scheme.ECDSA_SECP256K1.wireName())) {
            return;
        }
        int largest = sizes().getLast();
        Items items = items(largest);
        for (BackendProvider provider : ServiceLoader.load(BackendProvider.class)) {
            if (!options.wantsBackend(provider.id())) {
                continue;
            }
            BackendContext ctx = new BackendContext(options.settingsFor(provider.id()), dataDir,
                    Runtime.getRuntime().availableProcessors());
            if (!provider.isAvailable(ctx)) {
                continue;
            }
            try (Backend backend = provider.create(ctx)) {
                Optional<Recoverer> recoverer = backend.recoverer();
                if (recoverer.isPresent()) {
                    measure(backend.id(), recoverer.get(), items, results);
                }
            } catch (RuntimeException e) {
                note(results, "recovery on backend " + provider.id() + ": failed (" + e.getClass().getSimpleName()
                        + ": " + e.getMessage() + ")");
            }
        }
        plainLoop(items, results);
    }

    private void measure(String id, Recoverer recoverer, Items items, Results results) {
        RecoverBatch warm = items.batch.slice(0, Math.min(1024, items.batch.size()));
        BackendSweep.untilJitQuiet(() -> {
            long end = System.nanoTime() + 250_000_000L;
            long n = 0;
            while (System.nanoTime() < end) {
                recoverer.recover(warm);
                n++;
            }
            return n;
        });
        for (int size : sizes()) {
            RecoverBatch batch = items.batch.slice(0, size);
            int wrong = mismatches(recoverer.recover(batch), items.expected, size);
            BackendSweep.Timed t = BackendSweep.time(() -> recoverer.recover(batch), options.warmup(),
                    options.measure());
            Results.RecoveryPoint p = new Results.RecoveryPoint(id, size, t.medianCallsPerSecond() * size,
                    t.callsPerCpuSecond() * size, t.histogram().getValueAtPercentile(50), wrong);
            results.recovery.add(p);
            progress.step("recover %-7s batch %6d: %,12.0f items/s, %,10.0f items/CPU-s%s", id, size,
                    p.itemsPerSecond(), p.itemsPerCpuSecond(), wrong == 0 ? "" : "  WRONG KEYS: " + wrong);
            if (wrong > 0) {
                note(results, "recovery on " + id + " batch " + size + ": " + wrong
                        + " keys differ from the reference's");
            }
        }
    }

    /** The plain libsecp256k1 loop: parse_compact and ecdsa_recover per item, on one thread and on every core. */
    private void plainLoop(Items items, Results results) {
        Secp256k1 lib;
        try {
            lib = Secp256k1.bundled(Path.of(System.getProperty("user.home"), ".cache", "sigil", "native"));
        } catch (RuntimeException | LinkageError e) {
            note(results, "plain libsecp256k1 recovery loop not run: " + e.getMessage());
            return;
        }
        try (lib) {
            RecoverBatch b = items.batch;
            Baselines.Loop loop = new Baselines.Loop() {
                @Override
                public int verify(int from, int to) {
                    Secp256k1.Workspace w = lib.workspace();
                    byte[] out = new byte[64];
                    int ok = 0;
                    for (int i = from; i < to; i++) {
                        ok += w.recoverInto(b.digests(), 32 * i, b.r(), 32 * i, b.s(), 32 * i, b.recoveryId(i), out,
                                0) ? 1 : 0;
                    }
                    return ok;
                }

                @Override
                public int size() {
                    return Math.min(b.size(), 2048);
                }
            };
            int cores = Runtime.getRuntime().availableProcessors();
            for (int threads : cores > 1 ? List.of(1, cores) : List.of(1)) {
                double[] rate = Baselines.measure(loop, threads, options.warmup(), options.measure());
                results.recoveryBaselines.add(new Results.Baseline("plain-libsecp256k1-recover",
                        Scheme.ECDSA_SECP256K1.wireName(), threads, rate[0], rate[1], lib.description()));
                progress.step("plain libsecp256k1 ecdsa_recover %d thread(s): %,12.0f items/s, %,10.0f items/CPU-s",
                        threads, rate[0], rate[1]);
            }
        }
    }

    /** A recovery batch of the pool's items and the reference's answers (x ‖ y, or null). */
    private record Items(RecoverBatch batch, byte[][] expected) {
    }

    private Items items(int size) {
        List<AdversarialItems.Signed> signed = pools.items(Scheme.ECDSA_SECP256K1, size);
        RecoverBatchBuilder b = RecoverBatch.builder(RuleSet.STANDARD, size);
        byte[][] expected = new byte[size][];
        java.util.Map<Integer, byte[]> distinct = new java.util.HashMap<>();
        for (int i = 0; i < size; i++) {
            AdversarialItems.Signed s = signed.get(i);
            EcSignature sig = EcSignature.fromRaw(s.signature());
            byte[] digest = Hashes.sha256(s.message());
            int v = EcArithmetic.recoveryId((EcPublicKey) s.key().publicKey(), digest, sig);
            int id = v < 0 ? 0 : v;
            b.addRecoverable(digest, sig, id);
            expected[i] = distinct.computeIfAbsent(System.identityHashCode(s), k ->
                    EcArithmetic.recoverPublicKey(digest, sig.r(), sig.s(), id).map(RecoveryBenchmark::xy)
                            .orElse(null));
        }
        return new Items(b.build(), expected);
    }

    private static byte[] xy(BigInteger[] q) {
        byte[] out = new byte[64];
        dev.sigil.crypto.Bytes.putUnsigned(q[0], out, 0, 32);
        dev.sigil.crypto.Bytes.putUnsigned(q[1], out, 32, 32);
        return out;
    }

    static int mismatches(RecoveredKeys got, byte[][] expected, int size) {
        int wrong = 0;
        for (int i = 0; i < size; i++) {
            byte[] want = expected[i];
            boolean valid = got.outcome(i).isValid();
            if (valid != (want != null) || (valid && !Arrays.equals(got.points(), 64 * i, 64 * i + 64, want, 0, 64))) {
                wrong++;
            }
        }
        return wrong;
    }

    private void note(Results results, String text) {
        results.notes.add(text);
        progress.step("%s", text);
    }
}
