package dev.sigil.bench;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.gpu.OpenClBackend;
import dev.sigil.crypto.testing.AdversarialItems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The OpenCL backend against the CPU backend (all cores) on the same valid items, per scheme and batch size.
 * Scores are batches per second; multiply by the batch size for items per second. The crossover is the smallest
 * batch from which OpenCL is ahead.
 *
 * <pre>./sigil jmh GpuVsCpuBenchmark</pre>
 * or for one scheme, shorter: {@code ./sigil jmh GpuVsCpuBenchmark -p scheme=ecdsa-p256 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class GpuVsCpuBenchmark {
    private static final int DISTINCT = 2048;

    @Param({"ecdsa-secp256k1", "ecdsa-p256", "sm2", "ed25519", "schnorr-secp256k1"})
    public String scheme;

    @Param({"64", "256", "1024", "4096", "16384", "65536"})
    public int batch;

    private OpenClBackend opencl;
    private CpuBackend cpu;
    private VerifyBatch items;

    @Setup(Level.Trial)
    public void setUp() {
        Scheme s = Scheme.fromWire(scheme).orElseThrow();
        List<AdversarialItems.Signed> distinct =
                new AdversarialItems(s, 42, 64, Math.min(batch, DISTINCT)).signed();
        List<AdversarialItems.Signed> all = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            all.add(distinct.get(i % distinct.size()));
        }
        items = AdversarialItems.batch(s, RuleSet.STANDARD, all);
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "sigil", "opencl");
        opencl = OpenClBackend.open(new BackendContext(Map.of("cacheDir", cache.toString()), Path.of("."),
                Runtime.getRuntime().availableProcessors()));
        cpu = new CpuBackend(Runtime.getRuntime().availableProcessors());
        if (countValid(opencl.verify(items)) != batch || countValid(cpu.verify(items)) != batch) {
            throw new IllegalStateException("benchmark items do not all verify on both backends");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        opencl.close();
        cpu.close();
    }

    @Benchmark
    public Outcome[] opencl() {
        return opencl.verify(items);
    }

    @Benchmark
    public Outcome[] cpu() {
        return cpu.verify(items);
    }

    static int countValid(Outcome[] out) {
        int n = 0;
        for (Outcome o : out) {
            n += o.isValid() ? 1 : 0;
        }
        return n;
    }
}
