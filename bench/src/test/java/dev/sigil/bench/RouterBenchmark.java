package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;


import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.crypto.testing.AdversarialItems.Kind;
import dev.sigil.service.routing.Router;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The router against the real backends, in process: saturating throughput of the CPU alone, the OpenCL device
 * alone and both; single-item latency at low load with the CPU alone and with both; and both with the device lost
 * part-way, where every answer is checked. Not part of the normal test run: {@code ./sigil router-bench} runs it
 * (with {@code -Dsigil.bench=true}) and prints its numbers; it fails only on a wrong or missing answer or a missing
 * OpenCL device. Settings:
 * {@code sigil.bench.seconds} (per throughput phase, default 8), {@code sigil.bench.clients} (4),
 * {@code sigil.bench.batch} (items per request, 2048).
 */
@EnabledIfSystemProperty(named = "sigil.bench", matches = "true")
class RouterBenchmark {
    private static final Scheme SCHEME = Scheme.ECDSA_SECP256K1;
    private static final int SECONDS = Integer.getInteger("sigil.bench.seconds", 8);
    private static final int CLIENTS = Integer.getInteger("sigil.bench.clients", 4);
    private static final int BATCH = Integer.getInteger("sigil.bench.batch", 2048);
    private static final int LATENCY_REQUESTS = 2_000;

    private static final CpuBackend CPU = new CpuBackend(Runtime.getRuntime().availableProcessors());
    private static final AdversarialItems ITEMS = new AdversarialItems(SCHEME, 42, 3, 16);

    private final AtomicLong wrong = new AtomicLong();

    /** The device as it is until {@link #loseAfter}, then failing every batch as a lost device does. */
    private static final class LosableDevice implements Backend, Verifier {
        private final Backend device;
        private volatile long failFrom = Long.MAX_VALUE;

        LosableDevice(Backend device) {
            this.device = device;
        }

        void loseAfter(Duration d) {
            failFrom = System.nanoTime() + d.toNanos();
        }

        @Override
        public String id() {
            return device.id();
        }

        @Override
        public BackendKind kind() {
            return device.kind();
        }

        @Override
        public String device() {
            return device.device();
        }

        @Override
        public Optional<Verifier> verifier() {
            return Optional.of(this);
        }

        @Override
        public Set<Scheme> verifiableSchemes() {
            return device.verifier().orElseThrow().verifiableSchemes();
        }

        @Override
        public Outcome[] verify(VerifyBatch batch) {
            if (System.nanoTime() > failFrom) {
                throw new BackendException.DeviceFailure(id(), "device lost (benchmark)", null);
            }
            return device.verifier().orElseThrow().verify(batch);
        }

        @Override
        public void close() {
        }
    }

    private static Backend openDevice() throws Exception {
        BackendContext context = new BackendContext(Map.of(), Files.createTempDirectory("sigil-bench"), 2);
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p.id().equals("opencl") && p.isAvailable(context)) {
                return p.create(context);
            }
        }
        throw new AssertionError("no OpenCL backend available (gpu-backend on the class path and a device)");
    }

    private static Router started(List<Backend> backends) throws InterruptedException {
        Router router = Router.builder(backends).build();
        assertThat(router.awaitCalibration(Duration.ofMinutes(3))).isTrue();
        return router;
    }

    private String throughput(Router router) throws Exception {
        VerifyBatch batch = ITEMS.batch(RuleSet.STANDARD, BATCH, Kind.VALID, Kind.MESSAGE_BIT);
        Outcome[] expected = CPU.verify(batch);
        AtomicLong items = new AtomicLong();
        Map<String, Integer> where = new java.util.concurrent.ConcurrentSkipListMap<>();
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                while (System.nanoTime() < end) {
                    Router.Routed routed = router.verify(batch, Optional.empty());
                    if (!Arrays.equals(expected, routed.outcomes())) {
                        wrong.incrementAndGet();
                    }
                    routed.itemsByBackend().forEach((k, v) -> where.merge(k, v, Integer::sum));
                    items.addAndGet(BATCH);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        long perSecond = Math.round(items.get() / ((System.nanoTime() - start) / 1e9));
        long perCpuSecond = Math.round(items.get() / ((processCpuNanos() - cpuStart) / 1e9));
        return perSecond + " items/s (" + perCpuSecond + " per CPU-second of the process), served by " + where;
    }

    /** CPU time of the whole process (native OpenCL threads included), which other load on the host does not add to. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private String latency(Router router) {
        VerifyBatch one = ITEMS.batch(RuleSet.STANDARD, 1, Kind.VALID);
        for (int i = 0; i < 300; i++) {
            router.verify(one, Optional.empty());
        }
        long[] nanos = new long[LATENCY_REQUESTS];
        Map<String, Integer> where = new TreeMap<>();
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            Router.Routed routed = router.verify(one, Optional.empty());
            nanos[i] = System.nanoTime() - start;
            if (!routed.outcomes()[0].isValid()) {
                wrong.incrementAndGet();
            }
            routed.itemsByBackend().forEach((k, v) -> where.merge(k, v, Integer::sum));
        }
        Arrays.sort(nanos);
        return String.format("p50 %d µs, p99 %d µs, served by %s", nanos[nanos.length / 2] / 1000,
                nanos[(int) (nanos.length * 0.99)] / 1000, where);
    }

    @Test
    void cpuAndDevice_throughputLatencyAndDeviceLoss() throws Exception {
        Backend cpu = CPU;
        Backend device = openDevice();
        List<String> report = new ArrayList<>();
        try (Router r = started(List.of(cpu))) {
            report.add("cpu alone: latency " + latency(r));
            report.add("cpu alone: throughput " + throughput(r));
        }
        try (Router r = started(List.of(device))) {
            report.add("device alone: throughput " + throughput(r));
        }
        try (Router r = started(List.of(cpu, device))) {
            report.add("cpu + device: latency " + latency(r));
            report.add("cpu + device: throughput " + throughput(r));
            report.add("cpu + device: estimates " + r.snapshot());
            report.add("cpu + device: latency after saturation " + latency(r));
        }
        LosableDevice losable = new LosableDevice(device);
        try (Router r = started(List.of(cpu, losable))) {
            losable.loseAfter(Duration.ofSeconds(Math.max(1, SECONDS / 3)));
            report.add("cpu + device lost part-way: throughput " + throughput(r) + ", device "
                    + (r.snapshot().get(1).inRotation() ? "in" : "out of") + " rotation");
        } finally {
            device.close();
        }
        report.forEach(line -> System.out.println("[router-benchmark] " + line));
        assertThat(wrong.get()).as("requests with a wrong answer").isZero();
    }
}
