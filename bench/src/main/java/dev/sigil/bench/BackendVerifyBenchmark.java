package dev.sigil.bench;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.testing.AdversarialItems;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One backend's {@code verify} per scheme and batch size, the backend found by id through the SPI with default
 * settings. Scores are batches per second; multiply by {@code batch} for items per second. Other backends:
 * {@code ./sigil jmh BackendVerifyBenchmark -p backend=opencl} (any provider id the machine has).
 *
 * <pre>./sigil jmh BackendVerifyBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BackendVerifyBenchmark {
    @Param({"cpu"})
    public String backend;

    @Param({"ecdsa-secp256k1", "ecdsa-p256", "sm2", "ed25519", "schnorr-secp256k1"})
    public String scheme;

    @Param({"1", "64", "1024"})
    public int batch;

    private Backend impl;
    private Verifier verifier;
    private VerifyBatch prepared;

    @Setup(Level.Trial)
    public void setUp() {
        Scheme s = Scheme.fromWire(scheme).orElseThrow();
        BackendContext ctx = BackendContext.defaults();
        BackendProvider provider = ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals(backend)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no backend provider with id " + backend));
        if (!provider.isAvailable(ctx)) {
            throw new IllegalStateException("backend " + backend + " is not available on this machine");
        }
        impl = provider.create(ctx);
        verifier = impl.verifier().filter(v -> v.verifiableSchemes().contains(s)).orElse(null);
        if (verifier == null) {
            throw new IllegalStateException("backend " + backend + " does not verify " + scheme);
        }
        BenchPools pools = new BenchPools(Math.min(batch, 1024), new Progress(System.err));
        prepared = AdversarialItems.batch(s, RuleSet.STANDARD, pools.items(s, batch));
        if (BackendSweep.mismatches(verifier.verify(prepared), pools.expectedValid(s, batch)) != 0) {
            throw new IllegalStateException("backend " + backend + " gives wrong outcomes for " + scheme);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        impl.close();
    }

    @Benchmark
    public Outcome[] verify() {
        return verifier.verify(prepared);
    }
}
