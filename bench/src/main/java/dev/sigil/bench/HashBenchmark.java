package dev.sigil.bench;

import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.Sm3;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The message hashes the edge computes per item: SHA-256 (ECDSA), SM3 alone, SM2's e = SM3(Z_A ‖ M) (Z_A included,
 * as the edge computes it per item), and Ed25519's challenge k = SHA-512(R ‖ A ‖ M) mod L. Scores are hashes per
 * second on one thread, for a message of {@code size} bytes.
 *
 * <pre>./sigil jmh HashBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HashBenchmark {
    @Param({"32", "256"})
    public int size;

    private byte[] message;
    private byte[] r;
    private byte[] a;
    private EcPublicKey sm2Key;

    @Setup
    public void setUp() {
        Random rnd = new Random(1);
        message = new byte[size];
        rnd.nextBytes(message);
        r = new byte[32];
        rnd.nextBytes(r);
        a = SoftwareKeys.generate("hash-bench-ed", Scheme.ED25519).publicKey().encoded();
        sm2Key = (EcPublicKey) SoftwareKeys.generate("hash-bench-sm2", Scheme.SM2).publicKey();
    }

    @Benchmark
    public byte[] sha256() {
        return Hashes.sha256(message);
    }

    @Benchmark
    public byte[] sm3() {
        return Sm3.digest(message);
    }

    @Benchmark
    public byte[] sm2DigestWithZa() {
        return Sm2.e(Sm2.DEFAULT_USER_ID, sm2Key, message);
    }

    @Benchmark
    public byte[] ed25519Challenge() {
        return Hashes.ed25519Challenge(r, a, message);
    }
}
