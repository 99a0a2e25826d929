package dev.sigil.bench;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.testing.AdversarialItems;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CPU-backend verify throughput per scheme, batches of 1 024, on 1 and 2 threads, beside a plain Bouncy Castle loop
 * over the same items with the same thread count. Scores are items per second.
 *
 * <pre>./sigil jmh CpuVerifyBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CpuVerifyBenchmark {
    static final int BATCH = 1024;

    @Param({"ecdsa-secp256k1", "ecdsa-p256", "sm2", "ed25519", "schnorr-secp256k1"})
    public String scheme;

    @Param({"1", "2"})
    public int threads;

    private CpuBackend backend;
    private VerifyBatch batch;
    private List<AdversarialItems.Signed> items;
    private PlainBouncyCastle plain;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        Scheme s = Scheme.fromWire(scheme).orElseThrow();
        items = new AdversarialItems(s, 42, 64, BATCH).signed();
        batch = AdversarialItems.batch(s, RuleSet.STANDARD, items);
        backend = new CpuBackend(threads);
        plain = new PlainBouncyCastle(s, items);
        pool = new ForkJoinPool(threads);
        if (plain.verify(0, BATCH) != BATCH || countValid(backend.verify(batch)) != BATCH) {
            throw new IllegalStateException("benchmark items do not all verify");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
        pool.shutdown();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Outcome[] backend() {
        return backend.verify(batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Outcome[] backendIncludingParse() {
        return backend.verify(AdversarialItems.batch(batch.scheme(), RuleSet.STANDARD, items));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int plainBouncyCastle() {
        if (threads == 1) {
            return plain.verify(0, BATCH);
        }
        int chunk = BATCH / (threads * 4);
        return pool.submit(() -> IntStream.range(0, threads * 4).parallel()
                .map(c -> plain.verify(c * chunk, (c + 1) * chunk)).sum()).join();
    }

    static int countValid(Outcome[] out) {
        int n = 0;
        for (Outcome o : out) {
            n += o.isValid() ? 1 : 0;
        }
        return n;
    }
}
