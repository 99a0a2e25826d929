package dev.sigil.bench;

import dev.sigil.client.SigilClient;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.crypto.testing.AdversarialItems;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Small requests (1, 16 and 64 items of one scheme) over each transport: the CPU backend's {@code verify} called in
 * process (the baseline: no parsing, no network), JSON over HTTP/1.1, and gRPC through {@link SigilClient} as unary
 * calls and on one {@code VerifyStream} per caller, all to the same service; and, at one item, a bare loopback TCP
 * echo of a message that size ({@value #ECHO}: the floor under any transport). For each: the latency of one caller
 * at a time (p50, p99), then the rate of {@value #CALLERS} callers in a closed loop. Every answer is checked (status,
 * and the number of valid items; the echo's bytes).
 */
final class SmallRequests {
    static final int[] SIZES = {1, 16, 64};
    static final int CALLERS = 8;
    /**
     * The transport row with no request at all: a message the size of the 1-item gRPC request sent to a loopback
     * echo server and read back ({@link LoopbackEcho}), the floor any transport pays per request on these cores.
     */
    static final String ECHO = "tcp-echo";

    private final BenchOptions options;
    private final Progress progress;
    private final BenchPools pools;

    SmallRequests(BenchOptions options, Progress progress, BenchPools pools) {
        this.options = options;
        this.progress = progress;
        this.pools = pools;
    }

    /**
     * One caller of a transport: makes calls one after another (each sent when the last was answered) for the given
     * time, recording each call's latency when {@code latencies} is given and counting wrong answers; returns the
     * calls made. Each caller has its own.
     */
    interface Caller {
        long loop(Duration time, AtomicLong errors, Histogram latencies);
    }

    /** A caller making one call at a time; each call says whether its answer was right. */
    static Caller calls(BooleanSupplier call) {
        return (time, errors, h) -> {
            long end = System.nanoTime() + time.toNanos();
            long n = 0;
            long now;
            do {
                long t0 = System.nanoTime();
                if (!call.getAsBoolean()) {
                    errors.incrementAndGet();
                }
                now = System.nanoTime();
                record(h, now - t0);
                n++;
            } while (now < end);
            return n;
        };
    }

    /**
     * A caller keeping one {@code VerifyStream} open for the whole time, sending the request again as soon as its
     * last answer came (a window of one): what a node that holds a stream to Sigil pays per request.
     */
    static Caller stream(SigilClient grpc, VerifyRequests.GrpcRequest request) {
        return (time, errors, h) -> {
            long end = System.nanoTime() + time.toNanos();
            long[] sentAt = new long[1];
            long[] answered = new long[1];
            Iterator<dev.sigil.grpc.v1.VerifyRequest> requests = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return System.nanoTime() < end;
                }

                @Override
                public dev.sigil.grpc.v1.VerifyRequest next() {
                    sentAt[0] = System.nanoTime();
                    return request.request();
                }
            };
            try {
                grpc.verifyStream(requests, 1, Duration.ofSeconds(60).plus(time), r -> {
                    record(h, System.nanoTime() - sentAt[0]);
                    answered[0]++;
                    if (GrpcPhase.GrpcSender.valid(r) != request.expectedValid()) {
                        errors.incrementAndGet();
                    }
                });
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
            return answered[0];
        };
    }

    private static void record(Histogram h, long nanos) {
        if (h != null) {
            h.recordValue(Math.min(h.getHighestTrackableValue(), Math.max(1, nanos / 1000)));
        }
    }

    /**
     * Measures every transport and size; {@code serviceCpu} reads the service's CPU nanoseconds (null when the
     * service is not this machine's child: its items per CPU-second are then not known).
     */
    void run(Results results, URI http, String grpcTarget, Scheme scheme, LongSupplier serviceCpu) {
        LongSupplier ownCpu = () -> OverloadRun.processCpuNanos(ProcessHandle.current().pid());
        Path data = null;
        try (HttpClient httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
                SigilClient grpc = SigilClient.builder().addresses(List.of(grpcTarget)).maxAttempts(1)
                        .deadline(Duration.ofSeconds(60)).build()) {
            data = Files.createTempDirectory("sigil-bench-small");
            Backend cpu = cpuBackend(data);
            try {
                for (int size : SIZES) {
                    VerifyBatch batch = AdversarialItems.batch(scheme, RuleSet.STANDARD, pools.items(scheme, size));
                    boolean[] valid = pools.expectedValid(scheme, size);
                    Verifier verifier = cpu == null ? null : cpu.verifier().orElseThrow();
                    if (verifier != null) {
                        results.small.add(measure("in-process", size, ownCpu,
                                c -> calls(() -> right(verifier.verify(batch), valid))));
                    }
                    VerifyRequests.GrpcRequest request = VerifyRequests.grpc(pools, List.of(scheme), size, 1, null)
                            .getFirst();
                    if (size == 1) {
                        try (LoopbackEcho echo = new LoopbackEcho(request.request().getSerializedSize())) {
                            results.small.add(measure(ECHO, size, echo::serverCpuNanos, c -> calls(echo.caller())));
                        }
                    }
                    LoadGenerator.Body body = VerifyRequests.bodies(pools, List.of(scheme), size, 1, null).getFirst();
                    HttpRequest post = HttpRequest.newBuilder(http.resolve("/v1/verify"))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
                    results.small.add(measure("http", size, serviceCpu, c -> calls(() -> {
                        HttpResponse<byte[]> r = send(httpClient, post);
                        return r != null && body.accepts().test(r.statusCode(), r.body());
                    })));
                    results.small.add(measure("grpc", size, serviceCpu, c -> calls(() -> {
                        try {
                            return GrpcPhase.GrpcSender.valid(grpc.verify(request.request()))
                                    == request.expectedValid();
                        } catch (RuntimeException e) {
                            return false;
                        }
                    })));
                    results.small.add(measure("grpc-stream", size, serviceCpu, c -> stream(grpc, request)));
                }
                floorNote(results);
            } finally {
                if (cpu != null) {
                    cpu.close();
                }
            }
        } catch (IOException e) {
            results.notes.add("small-request table incomplete: " + e.getMessage());
        } finally {
            if (data != null) {
                TempDirs.delete(data);
            }
        }
    }

    /**
     * What the echo row implies for any 1-item transport on these cores: if each request cost its verify plus a bare
     * loopback round trip and nothing else, the CPU per request adds up, so the rate of {@value #CALLERS} callers
     * is at most about {@code 1 / (1 + inProcess / echo)} of the in-process rate, and one caller's p50 at least the
     * two p50s added.
     */
    static void floorNote(Results results) {
        var inProcess = results.small("in-process", 1);
        var echo = results.small(ECHO, 1);
        if (inProcess.isEmpty() || echo.isEmpty() || !(echo.get().requestsPerSecond() > 0)) {
            return;
        }
        double rateRatio = echo.get().requestsPerSecond() / inProcess.get().requestsPerSecond();
        double ceiling = 1 / (1 + 1 / rateRatio);
        double p50 = inProcess.get().p50Micros() + echo.get().p50Micros();
        results.notes.add(String.format(java.util.Locale.ROOT, "small requests: a bare loopback round trip (%s) "
                + "runs at %.2f× the in-process 1-item rate from %d callers, so a 1-item transport that added only "
                + "that to each verify would reach about %.2f× in process on these cores, with a p50 of at least "
                + "%.0f µs (%.2f× the in-process p50)", ECHO, rateRatio, CALLERS, ceiling, p50,
                p50 / inProcess.get().p50Micros()));
    }

    /** The CPU backend, as the service makes it (every core), or null when it is not available here. */
    private Backend cpuBackend(Path data) {
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            BackendContext ctx = new BackendContext(options.settingsFor(p.id()), data,
                    Runtime.getRuntime().availableProcessors());
            if (p.id().equals("cpu") && p.isAvailable(ctx)) {
                return p.create(ctx);
            }
        }
        progress.step("small requests: no CPU backend in process; the in-process rows are missing");
        return null;
    }

    private static boolean right(Outcome[] out, boolean[] valid) {
        return BackendSweep.mismatches(out, valid) == 0;
    }

    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** One caller's latencies after a warm-up, then {@value #CALLERS} callers' rate; calls made per caller. */
    private Results.SmallRequest measure(String transport, int size, LongSupplier cpu, IntFunction<Caller> calls) {
        Duration warmup = options.quick() ? Duration.ofMillis(200) : Duration.ofMillis(1500);
        Duration measure = options.quick() ? Duration.ofMillis(300) : Duration.ofMillis(2000);
        AtomicLong errors = new AtomicLong();
        Caller one = calls.apply(0);
        one.loop(warmup, errors, null);
        errors.set(0);
        Histogram h = new Histogram(60_000_000L, 3);
        one.loop(measure, errors, h);
        double[] rate = rate(calls, warmup, measure, errors, cpu);
        Results.SmallRequest r = new Results.SmallRequest(transport, size, h.getValueAtPercentile(50),
                h.getValueAtPercentile(99), CALLERS, rate[0], rate[1] * size, errors.get());
        progress.step("small %-10s %2d items: p50 %,8.0f µs, p99 %,8.0f µs (1 caller); %,9.0f req/s from %d callers%s",
                transport, size, r.p50Micros(), r.p99Micros(), r.requestsPerSecond(), CALLERS,
                errors.get() == 0 ? "" : ", " + errors.get() + " ERRORS");
        return r;
    }

    /**
     * Requests per second of {@value #CALLERS} callers, each in a closed loop, after a warm-up of all of them; and
     * the requests per CPU-second of the serving process over the same time (NaN when {@code cpu} is null or
     * cannot be read).
     */
    private static double[] rate(IntFunction<Caller> calls, Duration warmup, Duration measure, AtomicLong errors,
            LongSupplier cpu) {
        List<Thread> threads = new ArrayList<>();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime() + warmup.toNanos();
        for (int i = 0; i < CALLERS; i++) {
            Caller caller = calls.apply(i);
            threads.add(Thread.ofPlatform().name("small-caller-" + i).start(() -> {
                caller.loop(warmup, new AtomicLong(), null);
                done.addAndGet(caller.loop(measure, errors, null));
            }));
        }
        try {
            Thread.sleep(Duration.ofNanos(Math.max(0, start - System.nanoTime())));
            long cpuStart = cpu == null ? -1 : cpu.getAsLong();
            for (Thread t : threads) {
                t.join();
            }
            long cpuEnd = cpu == null ? -1 : cpu.getAsLong();
            double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            double perCpu = cpuStart < 0 || cpuEnd <= cpuStart ? Double.NaN
                    : done.get() / ((cpuEnd - cpuStart) / 1e9);
            return new double[] {done.get() / seconds, perCpu};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new double[] {Double.NaN, Double.NaN};
        }
    }
}
