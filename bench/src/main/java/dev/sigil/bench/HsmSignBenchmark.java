package dev.sigil.bench;

import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.hsm.HsmBackend;
import dev.sigil.hsm.HsmConfig;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * HSM signing throughput: ECDSA P-256 through the {@code hsm} backend, one signature per call, with as many threads
 * as the pool has sessions (each thread holds one session while it signs). Scores are signatures per second.
 *
 * <p>By default the token is SoftHSM2 in a temporary directory, made at setup: the configuration is written, the
 * process environment of the forked JVM gets {@code SOFTHSM2_CONF} (through libc {@code setenv}, before the library
 * is loaded) and {@code softhsm2-util} initializes the token. A real token is used instead when the system
 * properties {@code sigil.bench.hsm.module}, {@code sigil.bench.hsm.tokenLabel} and {@code sigil.bench.hsm.pin}
 * ({@code env:NAME} or {@code file:/path}) are given.
 *
 * <pre>
 * ./sigil build &amp;&amp; java --enable-native-access=ALL-UNNAMED \
 *     -cp bench/target/sigil-bench.jar:bench/target/lib/* dev.sigil.bench.HsmSignBenchmark 3 # 1/2/4/8 sessions, 3 rounds
 * ./sigil jmh HsmSignBenchmark -t 4 -p sessions=4 -p copies=true                             # one configuration
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(1)
public class HsmSignBenchmark {
    private static final String PIN = "bench-pin-1234";

    @Param({"1", "2", "4", "8"})
    public int sessions;

    /** hsm.sessionKeyCopies: each session signs with its own in-token session copy of the key. */
    @Param({"true", "false"})
    public boolean copies;

    private HsmBackend backend;
    private SigningKey.Token key;
    private Path tokenDir;

    /** Each benchmark thread signs its own sequence of digests. */
    @State(Scope.Thread)
    public static class Digests {
        private long counter = System.nanoTime();
        private final ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);

        byte[] next() {
            buffer.clear();
            buffer.putLong(counter++);
            return Hashes.sha256(buffer.array());
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException, InterruptedException {
        Map<String, Object> settings = new HashMap<>();
        String module = System.getProperty("sigil.bench.hsm.module");
        if (module != null) {
            settings.put("module", module);
            settings.put("tokenLabel", System.getProperty("sigil.bench.hsm.tokenLabel"));
            settings.put("pin", System.getProperty("sigil.bench.hsm.pin"));
        } else {
            settings.putAll(softHsmToken());
        }
        settings.put("sessions", sessions);
        settings.put("sessionKeyCopies", copies);
        backend = HsmBackend.open(HsmConfig.parse(settings));
        String keyId = "bench-p256-" + ProcessHandle.current().pid() + "-" + sessions;
        key = backend.tokenKeys().orElseThrow().generate(keyId, Scheme.ECDSA_P256);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        backend.close();
        if (tokenDir != null) {
            try (var walk = Files.walk(tokenDir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Benchmark
    public RawSignature signP256(Digests digests) {
        return backend.sign(key, List.of(digests.next())).get(0);
    }

    /** A fresh SoftHSM2 token in a temporary directory; returns the hsm: settings for it. */
    private Map<String, Object> softHsmToken() throws IOException, InterruptedException {
        tokenDir = Files.createTempDirectory("sigil-bench-softhsm");
        Path tokens = Files.createDirectories(tokenDir.resolve("tokens"));
        Path conf = Files.writeString(tokenDir.resolve("softhsm2.conf"), "directories.tokendir = " + tokens
                + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        setNativeEnv("SOFTHSM2_CONF", conf.toString());
        String label = "bench";
        ProcessBuilder init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label,
                "--pin", PIN, "--so-pin", PIN).redirectErrorStream(true)
                .redirectOutput(tokenDir.resolve("init.log").toFile());
        init.environment().put("SOFTHSM2_CONF", conf.toString());
        if (init.start().waitFor() != 0) {
            throw new IllegalStateException("softhsm2-util --init-token failed (is softhsm2 installed?)");
        }
        Path pinFile = Files.writeString(tokenDir.resolve("pin"), PIN);
        String library = System.getProperty("sigil.bench.softhsm2.lib", "/usr/lib/softhsm/libsofthsm2.so");
        return Map.of("module", library, "tokenLabel", label, "pin", "file:" + pinFile);
    }

    /** Sets a variable in the C environment of this process, which is where SoftHSM2 looks for its configuration. */
    @SuppressWarnings("restricted")
    private static void setNativeEnv(String name, String value) {
        Linker linker = Linker.nativeLinker();
        MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                        ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment n = arena.allocateFrom(name);
            MemorySegment v = arena.allocateFrom(value);
            if ((int) setenv.invokeExact(n, v, 1) != 0) {
                throw new IllegalStateException("setenv failed");
            }
        } catch (Throwable t) {
            throw new IllegalStateException("cannot set " + name, t);
        }
    }

    /**
     * Runs 1, 2, 4 and 8 sessions (each with as many threads), with and without session key copies, in interleaved
     * rounds so a change in the machine's load hits every configuration alike, and prints each round and the median
     * with the speed-up over one session. Argument: the number of rounds (default 3).
     */
    public static void main(String[] args) throws RunnerException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int[] counts = {1, 2, 4, 8};
        boolean[] modes = {true, false};
        double[][][] scores = new double[modes.length][counts.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int m = 0; m < modes.length; m++) {
                for (int i = 0; i < counts.length; i++) {
                    scores[m][i][round] = run(counts[i], modes[m]);
                }
            }
        }
        for (int m = 0; m < modes.length; m++) {
            System.out.printf("%nsessionKeyCopies: %s%n| sessions = threads | ECDSA P-256 signatures/s (median of %d)"
                    + " | rounds | vs 1 session |%n|---|---|---|---|%n", modes[m], rounds);
            double base = median(scores[m][0]);
            for (int i = 0; i < counts.length; i++) {
                StringBuilder each = new StringBuilder();
                for (double v : scores[m][i]) {
                    each.append(each.isEmpty() ? "" : ", ").append(Math.round(v));
                }
                System.out.printf("| %d | %.0f | %s | %.2fx |%n", counts[i], median(scores[m][i]), each,
                        median(scores[m][i]) / base);
            }
        }
    }

    private static double run(int sessions, boolean copies) throws RunnerException {
        RunResult r = new Runner(new OptionsBuilder().include(HsmSignBenchmark.class.getName() + ".signP256")
                .param("sessions", String.valueOf(sessions)).param("copies", String.valueOf(copies))
                .threads(sessions).warmupIterations(1).warmupTime(TimeValue.seconds(2))
                .measurementIterations(2).measurementTime(TimeValue.seconds(3)).build()).runSingle();
        return r.getPrimaryResult().getScore();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
