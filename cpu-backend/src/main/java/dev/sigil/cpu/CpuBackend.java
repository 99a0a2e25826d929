package dev.sigil.cpu;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.Recoverer;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.Verifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CPU backend: every scheme, verify and sign, and secp256k1 public-key recovery, each scheme on the fastest engine that loads (libsecp256k1 for
 * secp256k1, AWS-LC for P-256 and Ed25519, Bouncy Castle, the reference, for SM2 and as the fallback; see
 * {@link Engines}), every engine giving the reference's outcome on every item. Batches larger than
 * {@link #PARALLEL_THRESHOLD} pending items are cut into chunks that the calling thread and {@code threads - 1}
 * pool threads take in turn until none is left, so a one-thread backend never hands off and a busy pool thread
 * never leaves the caller waiting on queued chunks.
 */
public final class CpuBackend implements Backend, Verifier, Signer, Recoverer {
    public static final String ID = "cpu";
    /** Below this many pending items a batch runs on the calling thread alone. */
    static final int PARALLEL_THRESHOLD = 16;

    private final int threads;
    private final ExecutorService pool;
    private final Engines engines;
    private final String device;
    private volatile boolean closed;

    /** The reference backend on every core; see {@link #CpuBackend(int)}. */
    public CpuBackend() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * A backend on Bouncy Castle alone: the reference, as tests and known-answer checks want it. The service builds
     * its cpu backend through {@link CpuBackendProvider}, which takes the fastest engines ({@code engine: auto}).
     */
    public CpuBackend(int threads) {
        this(threads, new Engines.Options(Engines.Choice.BOUNCYCASTLE, Engines.Options.defaultCacheDir(), null));
    }

    CpuBackend(int threads, Engines.Options options) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "sigil-cpu-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }) : null;
        this.engines = new Engines(options);
        this.device = CpuInfo.describe(threads, engines.describe());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.CPU;
    }

    @Override
    public String device() {
        return device;
    }

    public int threads() {
        return threads;
    }

    /** The library serving a scheme here (for reports), e.g. {@code libsecp256k1 (bundled in ...)}. */
    public String library(Scheme scheme) {
        return engines.engine(scheme).library();
    }

    /** Why a preferred native library is not in use (one line each; empty when none fell back). */
    public List<String> fallbacks() {
        return engines.fallbacks();
    }

    @Override
    public Optional<Verifier> verifier() {
        return Optional.of(this);
    }

    @Override
    public Optional<Signer> signer() {
        return Optional.of(this);
    }

    @Override
    public Optional<Recoverer> recoverer() {
        return Optional.of(this);
    }

    @Override
    public Set<Scheme> recoverableSchemes() {
        return EnumSet.of(Scheme.ECDSA_SECP256K1);
    }

    @Override
    public Set<Scheme> verifiableSchemes() {
        return EnumSet.allOf(Scheme.class);
    }

    @Override
    public Set<Scheme> signableSchemes() {
        return EnumSet.allOf(Scheme.class);
    }

    @Override
    public Outcome[] verify(VerifyBatch batch) {
        ensureOpen();
        Outcome[] out = batch.newOutcomes();
        Engine engine = engines.engine(batch.scheme());
        inChunks(batch.size(), batch.pendingCount(), (from, to) -> engine.verify(batch, out, from, to));
        return out;
    }

    /** Recovery on the engine serving secp256k1 (libsecp256k1, or Bouncy Castle), in chunks as verify runs. */
    @Override
    public RecoveredKeys recover(RecoverBatch batch) {
        ensureOpen();
        Outcome[] out = batch.newOutcomes();
        byte[] points = new byte[RecoveredKeys.POINT_BYTES * batch.size()];
        Engine engine = engines.engine(Scheme.ECDSA_SECP256K1);
        inChunks(batch.size(), batch.pendingCount(), (from, to) -> engine.recover(batch, out, points, from, to));
        return new RecoveredKeys(out, points);
    }

    /** Work on the items [from, to) of a batch. */
    private interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code work} over [0, n): on the calling thread alone below {@link #PARALLEL_THRESHOLD} pending items,
     * else in chunks the caller and the pool threads take in turn.
     */
    private void inChunks(int n, int pending, Range work) {
        if (pool == null || pending < PARALLEL_THRESHOLD) {
            work.run(0, n);
            return;
        }
        int chunks = threads * 4;
        int step = (n + chunks - 1) / chunks;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                work.run(Math.min(n, c * step), Math.min(n, (c + 1) * step));
            }
        };
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int i = 1; i < threads; i++) {
            futures.add(pool.submit(worker));
        }
        worker.run();
        await(futures);
    }

    @Override
    public List<RawSignature> sign(SigningKey key, List<byte[]> inputs) {
        ensureOpen();
        if (!(key instanceof SigningKey.Software software)) {
            throw new IllegalArgumentException("the CPU backend signs with software keys only");
        }
        return CpuSigner.sign(software, inputs, engines.engine(key.scheme()));
    }

    private void await(List<Future<?>> futures) {
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException.DeviceFailure(ID, "interrupted while verifying", e);
        } catch (ExecutionException e) {
            throw new BackendException.DeviceFailure(ID, "verification worker failed", e.getCause());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new BackendException.Unavailable(ID, "backend is closed", null);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (pool != null) {
            pool.shutdownNow();
        }
        engines.close();
    }
}
