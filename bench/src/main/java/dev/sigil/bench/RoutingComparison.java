package dev.sigil.bench;

import dev.sigil.crypto.Scheme;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Default routing against the same requests pinned to each backend, per scheme, in interleaved rounds, each mode
 * starting a round in turn (so that a busy machine slows every mode alike): closed loop, {@link #CLIENTS} clients
 * sending requests of {@code itemsPerRequest} items, after a warm-up of routed traffic; then single-item requests
 * from one client, for latency. Reports routed ÷ best pinned throughput, the single-item p50 of each mode, and the
 * router's estimate of each backend (from {@code /v1/backends}) against what it achieved pinned.
 */
final class RoutingComparison {
    static final int CLIENTS = 2;
    static final String ROUTED = "routed";

    /** One scheme's figures. */
    record Row(String scheme, int itemsPerRequest, Map<String, Double> itemsPerSecond,
            Map<String, Double> singleItemP50Ms, Map<String, Double> estimates, long errors,
            Map<String, Long> routedItems, Map<String, Long> routedSingles) {
        double bestPinned() {
            return itemsPerSecond.entrySet().stream().filter(e -> !e.getKey().equals(ROUTED))
                    .mapToDouble(Map.Entry::getValue).max().orElse(0);
        }

        double routedOverBestPinned() {
            double best = bestPinned();
            return best > 0 ? itemsPerSecond.getOrDefault(ROUTED, 0.0) / best : 0;
        }
    }

    private final URI verify;
    private final URI backends;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong errors = new AtomicLong();
    private static final Pattern BACKENDS = Pattern.compile("\"backends\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern COUNT = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(\\d+)");

    RoutingComparison(URI base) {
        this.verify = base.resolve("/v1/verify");
        this.backends = base.resolve("/v1/backends");
    }

    /** Compares for one scheme; {@code pinned} are the ids of the backends that verify it. */
    Row run(BenchPools pools, Scheme scheme, List<String> pinned, int perRequest, int rounds, Duration round,
            Duration warmup, Progress progress) throws InterruptedException {
        List<String> modes = new ArrayList<>();
        modes.add(ROUTED);
        modes.addAll(pinned);
        Map<String, List<LoadGenerator.Body>> bodies = new LinkedHashMap<>();
        Map<String, List<LoadGenerator.Body>> singles = new LinkedHashMap<>();
        for (String mode : modes) {
            String pin = mode.equals(ROUTED) ? null : mode;
            bodies.put(mode, VerifyRequests.bodies(pools, List.of(scheme), perRequest, 8, pin));
            singles.put(mode, VerifyRequests.bodies(pools, List.of(scheme), 1, 64, pin));
        }
        errors.set(0);
        progress.step("routing %s: %d s of routed traffic first", scheme.wireName(), warmup.toSeconds());
        closedLoop(bodies.get(ROUTED), warmup, null);
        Map<String, long[]> totals = new LinkedHashMap<>();
        modes.forEach(m -> totals.put(m, new long[2]));
        Map<String, Long> routedItems = new java.util.concurrent.ConcurrentSkipListMap<>();
        Map<String, Long> routedSingles = new java.util.concurrent.ConcurrentSkipListMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String mode : inTurn(modes, r)) {
                long start = System.nanoTime();
                long items = closedLoop(bodies.get(mode), round, mode.equals(ROUTED) ? routedItems : null)
                        * perRequest;
                totals.get(mode)[0] += items;
                totals.get(mode)[1] += System.nanoTime() - start;
            }
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        totals.forEach((m, t) -> rates.put(m, t[0] / (t[1] / 1e9)));
        Map<String, List<Long>> latencies = new LinkedHashMap<>();
        modes.forEach(m -> latencies.put(m, new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (String mode : inTurn(modes, r)) {
                latencies.get(mode).addAll(sequential(singles.get(mode), Duration.ofMillis(round.toMillis() / 2),
                        mode.equals(ROUTED) ? routedSingles : null));
            }
        }
        Map<String, Double> p50 = new LinkedHashMap<>();
        latencies.forEach((m, l) -> p50.put(m, median(l) / 1e6));
        Row row = new Row(scheme.wireName(), perRequest, rates, p50, estimates(scheme, pinned), errors.get(),
                Map.copyOf(routedItems), Map.copyOf(routedSingles));
        progress.step("routing %s: routed %,.0f items/s, best pinned %,.0f (%.2fx); %s; routed items by backend %s, "
                + "single items %s", scheme.wireName(), rates.get(ROUTED), row.bestPinned(),
                row.routedOverBestPinned(), rates, routedItems, routedSingles);
        return row;
    }

    /**
     * The modes of round {@code r}, each starting a round in turn, so that no mode always follows the same other one
     * (a pinned accelerator's round leaves its threads and the caches warm for whatever runs next).
     */
    static List<String> inTurn(List<String> modes, int r) {
        List<String> out = new ArrayList<>(modes);
        Collections.rotate(out, -(r % modes.size()));
        return out;
    }

    /** {@link #CLIENTS} clients, each sending the next request when the last is answered; requests answered right. */
    private long closedLoop(List<LoadGenerator.Body> bodies, Duration duration, Map<String, Long> tally)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong ok = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int first = c;
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                for (int i = first; System.nanoTime() < end; i += CLIENTS) {
                    if (send(bodies.get(i % bodies.size()), tally) >= 0) {
                        ok.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return ok.get();
    }

    /** One client, one request at a time; the latency of each right answer, in nanoseconds. */
    private List<Long> sequential(List<LoadGenerator.Body> bodies, Duration duration, Map<String, Long> tally) {
        long end = System.nanoTime() + duration.toNanos();
        List<Long> out = new ArrayList<>();
        for (int i = 0; System.nanoTime() < end; i++) {
            long took = send(bodies.get(i % bodies.size()), tally);
            if (took >= 0) {
                out.add(took);
            }
        }
        return out;
    }

    /**
     * Nanoseconds until a right answer, or -1 (counted as an error); adds the answer's items per backend (its
     * {@code backends} counts) to {@code tally} when given.
     */
    private long send(LoadGenerator.Body body, Map<String, Long> tally) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(verify).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (body.accepts().test(r.statusCode(), r.body())) {
                long took = System.nanoTime() - start;
                if (tally != null) {
                    tally(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), tally);
                }
                return took;
            }
        } catch (java.io.IOException e) {
            // counted below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        errors.incrementAndGet();
        return -1;
    }

    /** Adds the {@code backends} counts of a verify answer to the tally. */
    static void tally(String answer, Map<String, Long> tally) {
        Matcher b = BACKENDS.matcher(answer);
        if (b.find()) {
            Matcher c = COUNT.matcher(b.group(1));
            while (c.find()) {
                tally.merge(c.group(1), Long.parseLong(c.group(2)), Long::sum);
            }
        }
    }

    /** "cpu 97.0 %, opencl 3.0 %" of a tally, backends in name order, or "none". */
    static String shares(Map<String, Long> tally) {
        long all = tally.values().stream().mapToLong(Long::longValue).sum();
        if (all == 0) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(tally).forEach((id, n) -> parts.add(
                String.format(java.util.Locale.ROOT, "%s %.1f %%", id, 100.0 * n / all)));
        return String.join(", ", parts);
    }

    /** The router's throughput estimate of the scheme on each backend, from {@code /v1/backends}. */
    private Map<String, Double> estimates(Scheme scheme, List<String> ids) {
        Map<String, Double> out = new LinkedHashMap<>();
        String json = ServiceProcess.backends(verify.resolve("/")).orElse("");
        for (String id : ids) {
            Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"" + Pattern.quote(id) + "\".*?\"throughput\"\\s*:\\s*\\{[^}]*\""
                    + Pattern.quote(scheme.wireName()) + "\"\\s*:\\s*([0-9.]+)", Pattern.DOTALL).matcher(json);
            if (m.find()) {
                out.put(id, Double.parseDouble(m.group(1)));
            }
        }
        return out;
    }

    /** Ids of the backends that verify the scheme, from {@code /v1/backends}, in its order. */
    static List<String> verifiers(String backendsJson, Scheme scheme) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"(.*?)\"operations\"\\s*:\\s*\\[([^\\]]*)]",
                Pattern.DOTALL).matcher(backendsJson);
        while (m.find()) {
            if (m.group(2).contains("\"" + scheme.wireName() + "\"") && m.group(3).contains("\"verify\"")) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static double median(List<Long> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }

    /** The rows as a text table. */
    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (Row r : rows) {
            out.append(String.format("%-16s routed %,9.0f items/s, best pinned %,9.0f: %.2fx", r.scheme(),
                    r.itemsPerSecond().getOrDefault(ROUTED, 0.0), r.bestPinned(), r.routedOverBestPinned()));
            r.itemsPerSecond().forEach((m, v) -> {
                if (!m.equals(ROUTED)) {
                    Double est = r.estimates().get(m);
                    out.append(String.format("; %s %,.0f (estimate %s)", m, v,
                            est == null ? "?" : String.format("%,.0f = %.2fx", est, est / v)));
                }
            });
            out.append("; single-item p50 ms:");
            r.singleItemP50Ms().forEach((m, v) -> out.append(String.format(" %s %.2f", m, v)));
            out.append("; routed items went to ").append(shares(r.routedItems())).append(", single items to ")
                    .append(shares(r.routedSingles()));
            if (r.errors() > 0) {
                out.append("; errors ").append(r.errors());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
