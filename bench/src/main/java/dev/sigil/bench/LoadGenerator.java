package dev.sigil.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiPredicate;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: request i of a step is due at {@code start + i / rate}, is sent then whether or not
 * earlier ones have answered, and its latency is measured from that scheduled time. A stalled server therefore
 * shows as growing latency instead of a slower send rate (no coordinated omission). A request that would exceed
 * {@code maxInFlight} is not sent and counts as an error, as does any non-accepted answer or timeout.
 */
final class LoadGenerator implements AutoCloseable {

    /** One request body and the check its answer must pass (status code, body). */
    record Body(byte[] bytes, BiPredicate<Integer, byte[]> accepts) {
    }

    /**
     * The outcome of one step; latencies in microseconds. {@code errorKinds} counts errors by kind: {@code unsent},
     * {@code timeout}, {@code io} (connection failed or reset), {@code status NNN}, {@code wrong results}.
     */
    record Step(double offeredRate, long scheduled, long ok, long errors, long unsent, double achievedRate,
            Histogram latencyMicros, Map<String, Long> errorKinds) {
    }

    /**
     * Sends request number {@code i} of a step (any transport); the future completes with null when the answer was
     * accepted, else with the error's kind, and fails on a transport error (timeouts are applied around it).
     */
    interface Sender extends AutoCloseable {
        CompletableFuture<String> send(int i);

        @Override
        void close();
    }

    private final Sender sender;
    private final Duration timeout;
    private final int maxInFlight;

    /** POST of the bodies, in turn, to {@code endpoint} over HTTP/1.1. */
    LoadGenerator(URI endpoint, List<Body> bodies, Duration timeout, int maxInFlight) {
        this(new HttpSender(endpoint, bodies, timeout), timeout, maxInFlight);
    }

    LoadGenerator(Sender sender, Duration timeout, int maxInFlight) {
        this.sender = sender;
        this.timeout = timeout;
        this.maxInFlight = maxInFlight;
    }

    /** Sends at {@code rate} requests per second for {@code duration}, then waits for the answers. */
    Step run(double rate, Duration duration) {
        long count = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double interval = 1e9 / rate;
        ConcurrentHistogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder unsent = new LongAdder();
        Map<String, LongAdder> kinds = new ConcurrentSkipListMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        CompletableFuture<?>[] all = new CompletableFuture<?>[(int) count];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        for (int i = 0; i < count; i++) {
            long due = start + Math.round(i * interval);
            waitUntil(due);
            if (inFlight.get() >= maxInFlight) {
                unsent.increment();
                errors.increment();
                kinds.computeIfAbsent("unsent", k -> new LongAdder()).increment();
                all[i] = CompletableFuture.completedFuture(null);
                continue;
            }
            inFlight.incrementAndGet();
            all[i] = sender.send(i)
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((rejected, ex) -> {
                        long now = System.nanoTime();
                        latency.recordValue(Math.min(latency.getHighestTrackableValue(), Math.max(1, (now - due) / 1000)));
                        String error = ex != null ? kind(ex) : rejected;
                        (error == null ? ok : errors).increment();
                        if (error != null) {
                            kinds.computeIfAbsent(error, k -> new LongAdder()).increment();
                        }
                        lastDone.accumulateAndGet(now, Math::max);
                        inFlight.decrementAndGet();
                        return null;
                    });
        }
        CompletableFuture.allOf(all).join();
        double elapsed = Math.max(1, lastDone.get() - start) / 1e9;
        Map<String, Long> byKind = new TreeMap<>();
        kinds.forEach((k, v) -> byKind.put(k, v.sum()));
        return new Step(rate, count, ok.sum(), errors.sum(), unsent.sum(), ok.sum() / elapsed, latency, byKind);
    }

    private static String kind(Throwable ex) {
        Throwable t = ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null
                ? ex.getCause() : ex;
        if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
            return "timeout";
        }
        return t instanceof java.io.IOException ? "io" : t.getClass().getSimpleName();
    }

    private static void waitUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Counts occurrences of a quoted JSON word, e.g. {@code "valid"} (which {@code "invalid"} does not contain). */
    static int countWord(byte[] body, String word) {
        byte[] needle = ('"' + word + '"').getBytes(StandardCharsets.UTF_8);
        int n = 0;
        outer:
        for (int i = 0; i <= body.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }

    @Override
    public void close() {
        sender.close();
    }

    /** HTTP/1.1 POSTs of JSON bodies, in turn, each answer checked by its body's test. */
    private static final class HttpSender implements Sender {
        private final URI endpoint;
        private final List<Body> bodies;
        private final Duration timeout;
        private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "load-generator-http");
            t.setDaemon(true);
            return t;
        });
        private final HttpClient client;

        HttpSender(URI endpoint, List<Body> bodies, Duration timeout) {
            if (bodies.isEmpty()) {
                throw new IllegalArgumentException("no request bodies");
            }
            this.endpoint = endpoint;
            this.bodies = List.copyOf(bodies);
            this.timeout = timeout;
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
        }

        @Override
        public CompletableFuture<String> send(int i) {
            Body body = bodies.get(i % bodies.size());
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(resp -> accepted(body, resp) ? null
                            : resp.statusCode() != 200 ? "status " + resp.statusCode() : "wrong results");
        }

        private static boolean accepted(Body body, HttpResponse<byte[]> resp) {
            try {
                return body.accepts().test(resp.statusCode(), resp.body());
            } catch (RuntimeException e) {
                return false;
            }
        }

        @Override
        public void close() {
            client.shutdownNow();
            executor.shutdownNow();
        }
    }
}
