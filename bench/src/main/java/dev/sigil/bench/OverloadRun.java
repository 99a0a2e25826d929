package dev.sigil.bench;

import dev.sigil.crypto.Scheme;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Hostile load: many clients, each sending huge verify requests in a closed loop with a client timeout, for a fixed
 * time; then all leave at once. Checks what admission by cost promises: every answer is a correct 200 or a 503
 * {@code overloaded} with {@code Retry-After}, given within the queue-delay target plus a batch; admitted requests
 * are answered within twice the target; and the service's CPU goes idle soon after the last client left (abandoned
 * work is cancelled, not finished for nobody). The CPU is read from {@code /proc/PID/stat} of the service the bench
 * started (not measurable against {@code --url}).
 */
final class OverloadRun {
    /** The service's default {@code routing.maxQueueDelayMs}. */
    static final long DEFAULT_MAX_QUEUE_DELAY_MS = 3_000;
    /** Client timeout of each request, as a node's RPC deadline. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);
    /** CPU below this share of one core over {@link #IDLE_WINDOW_MS} counts as idle. */
    static final double IDLE_SHARE = 0.05;
    static final long IDLE_WINDOW_MS = 200;
    static final long IDLE_WAIT_MS = 30_000;

    /** The figures of one run. */
    record Outcome(String scheme, int clients, int itemsPerRequest, double seconds, long ok, long overloaded,
            long timeouts, long wrong, long otherErrors, long missingRetryAfter, double admittedP50Ms,
            double admittedP99Ms, double overloadedP99Ms, double overloadedMaxMs, double itemsPerSecond,
            long maxQueueDelayMs, Double cpuIdleAfterSeconds, Map<String, Long> itemsByBackend) {
        /** True when every answer was a correct 200 or a 503 overloaded with its Retry-After. */
        boolean clean() {
            return wrong == 0 && otherErrors == 0 && missingRetryAfter == 0;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    Outcome run(URI base, List<LoadGenerator.Body> bodies, Scheme scheme, int clients, int itemsPerRequest,
            Duration duration, long maxQueueDelayMs, LongSupplier serviceCpuNanos, Progress progress)
            throws InterruptedException {
        URI verify = base.resolve("/v1/verify");
        AtomicLong ok = new AtomicLong();
        AtomicLong overloaded = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong noRetryAfter = new AtomicLong();
        ConcurrentLinkedQueue<Long> admitted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> refused = new ConcurrentLinkedQueue<>();
        Map<String, Long> byBackend = new java.util.concurrent.ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int first = c;
            threads.add(Thread.ofPlatform().daemon().name("overload-client-" + c).start(() -> {
                for (int i = first; System.nanoTime() < end; i += clients) {
                    LoadGenerator.Body body = bodies.get(i % bodies.size());
                    long t0 = System.nanoTime();
                    try {
                        // Expect: 100-continue, as a client sending megabytes should: a request refused on its
                        // headers is answered without its body ever being sent
                        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(verify).timeout(CLIENT_TIMEOUT)
                                .expectContinue(true).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        long took = System.nanoTime() - t0;
                        if (r.statusCode() == 503
                                && new String(r.body(), StandardCharsets.UTF_8).contains("\"overloaded\"")) {
                            overloaded.incrementAndGet();
                            refused.add(took);
                            if (r.headers().firstValue("Retry-After").isEmpty()) {
                                noRetryAfter.incrementAndGet();
                            }
                            // a client honouring the hint a little: back off briefly rather than hammer
                            Thread.sleep(50);
                        } else if (body.accepts().test(r.statusCode(), r.body())) {
                            ok.incrementAndGet();
                            admitted.add(took);
                            RoutingComparison.tally(new String(r.body(), StandardCharsets.UTF_8), byBackend);
                        } else if (r.statusCode() == 200) {
                            wrong.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                    } catch (HttpTimeoutException e) {
                        timeouts.incrementAndGet();
                    } catch (IOException e) {
                        other.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long left = System.nanoTime();
        double seconds = (left - start) / 1e9;
        Double idle = idleAfter(serviceCpuNanos, left);
        long[] a = sorted(admitted);
        long[] o = sorted(refused);
        Outcome out = new Outcome(scheme.wireName(), clients, itemsPerRequest, seconds, ok.get(), overloaded.get(),
                timeouts.get(), wrong.get(), other.get(), noRetryAfter.get(), percentileMs(a, 50), percentileMs(a, 99),
                percentileMs(o, 99), o.length == 0 ? Double.NaN : o[o.length - 1] / 1e6,
                ok.get() * (double) itemsPerRequest / seconds, maxQueueDelayMs, idle, Map.copyOf(byBackend));
        progress.step("%s", line(out));
        return out;
    }

    /**
     * Seconds from {@code leftNanos} until the service's CPU stays under {@link #IDLE_SHARE} of a core for
     * {@link #IDLE_WINDOW_MS}; null when it cannot be read or did not go idle within {@link #IDLE_WAIT_MS}.
     */
    private static Double idleAfter(LongSupplier cpuNanos, long leftNanos) throws InterruptedException {
        if (cpuNanos.getAsLong() < 0) {
            return null;
        }
        long deadline = leftNanos + IDLE_WAIT_MS * 1_000_000;
        long windowStart = System.nanoTime();
        long cpuStart = cpuNanos.getAsLong();
        while (System.nanoTime() < deadline) {
            Thread.sleep(IDLE_WINDOW_MS / 4);
            long now = System.nanoTime();
            long cpu = cpuNanos.getAsLong();
            if (now - windowStart >= IDLE_WINDOW_MS * 1_000_000) {
                if ((cpu - cpuStart) < IDLE_SHARE * (now - windowStart)) {
                    return (windowStart - leftNanos) / 1e9;
                }
                windowStart = now;
                cpuStart = cpu;
            }
        }
        return null;
    }

    /** CPU nanoseconds (user + system) the process has used, from {@code /proc/PID/stat}; -1 when unreadable. */
    static long processCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the command name
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * 1_000_000_000L / 100;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> q) {
        long[] a = q.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static double percentileMs(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    static String line(Outcome o) {
        return String.format("overload %s: %d clients x %,d items for %.0f s: %,d correct 200, %,d 503 overloaded "
                + "(p99 %.0f ms, max %.0f ms; target %,d ms + a batch), %,d client timeouts, %,d wrong, %,d other errors, "
                + "%,d 503 without Retry-After; admitted p50 %.0f ms, p99 %.0f ms (%.2fx the target); %,.0f items/s "
                + "answered; CPU idle %s after the clients left; admitted items went to %s", o.scheme(), o.clients(),
                o.itemsPerRequest(),
                o.seconds(), o.ok(), o.overloaded(), o.overloadedP99Ms(), o.overloadedMaxMs(), o.maxQueueDelayMs(),
                o.timeouts(), o.wrong(), o.otherErrors(), o.missingRetryAfter(), o.admittedP50Ms(), o.admittedP99Ms(),
                o.admittedP99Ms() / o.maxQueueDelayMs(), o.itemsPerSecond(),
                o.cpuIdleAfterSeconds() == null ? "(not measured)" : String.format("%.1f s", o.cpuIdleAfterSeconds()),
                RoutingComparison.shares(o.itemsByBackend()));
    }

    /** For the JSON report. */
    static Map<String, Object> json(Outcome o) {
        return Json.object("scheme", o.scheme(), "clients", o.clients(), "itemsPerRequest", o.itemsPerRequest(),
                "seconds", o.seconds(), "ok", o.ok(), "overloaded", o.overloaded(), "clientTimeouts", o.timeouts(),
                "wrong", o.wrong(), "otherErrors", o.otherErrors(), "overloadedWithoutRetryAfter",
                o.missingRetryAfter(), "admittedP50Ms", o.admittedP50Ms(), "admittedP99Ms", o.admittedP99Ms(),
                "overloadedP99Ms", o.overloadedP99Ms(), "overloadedMaxMs", o.overloadedMaxMs(),
                "itemsPerSecond", o.itemsPerSecond(), "maxQueueDelayMs", o.maxQueueDelayMs(),
                "cpuIdleAfterSeconds", o.cpuIdleAfterSeconds(), "clean", o.clean(), "itemsByBackend",
                new java.util.TreeMap<>(o.itemsByBackend()));
    }
}
