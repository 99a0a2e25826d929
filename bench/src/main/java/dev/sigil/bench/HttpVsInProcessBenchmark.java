package dev.sigil.bench;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.cpu.CpuBackendProvider;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.service.SigilServer;
import dev.sigil.service.config.ServiceConfig;
import dev.sigil.crypto.testing.AdversarialItems;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verify throughput over HTTP + JSON against the CPU backend called in-process, on the same secp256k1 items:
 * {@code clients} threads each send batches of {@code batch} items for {@code seconds}, after a warm-up, in
 * {@code rounds} that alternate the two paths (so a machine shared with other work disturbs both alike). The service
 * runs in this JVM on a loopback port with its default configuration (CPU backend only).
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am install -DskipTests
 * java --enable-native-access=ALL-UNNAMED -cp 'bench/target/sigil-bench.jar:bench/target/lib/*' \
 *     dev.sigil.bench.HttpVsInProcessBenchmark [--clients 4] [--batch 1000] [--batches 8] [--seconds 10] [--warmup 10] [--rounds 3]
 * </pre>
 */
public final class HttpVsInProcessBenchmark {
    private interface Call {
        int run(int batchIndex) throws Exception;
    }

    private HttpVsInProcessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> opt = options(args);
        int clients = opt.get("clients");
        int batchSize = opt.get("batch");
        int seconds = opt.get("seconds");
        int warmup = opt.get("warmup");
        List<List<AdversarialItems.Signed>> batches = batches(batchSize, opt.get("batches"));
        ServiceConfig config = ServiceConfig.defaults();
        int threads = config.server().backendThreads();
        System.out.printf("secp256k1, %d clients, batches of %d, %d s measured after %d s warm-up, CPU backend with "
                + "%d threads, %d HTTP worker threads%n", clients, batchSize, seconds, warmup, threads,
                config.server().workerThreads());

        List<byte[]> bodies = batches.stream().map(HttpVsInProcessBenchmark::json).toList();
        Path dataDir = Files.createTempDirectory("sigil-bench");
        try (CpuBackend cpu = new CpuBackend(threads);
                SigilServer server = SigilServer.start(config.withServer(config.server().withAddress("127.0.0.1", 0)),
                        dataDir, Map.of(), List.of(new CpuBackendProvider()))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/verify");
            Call local = i -> inProcess(cpu, batches.get(i));
            Call remote = i -> post(client, uri, bodies.get(i), batchSize);
            run(clients, warmup, batches.size(), local);
            run(clients, warmup, batches.size(), remote);
            double[] localSum = new double[2];
            double[] remoteSum = new double[2];
            for (int round = 1; round <= opt.get("rounds"); round++) {
                add(localSum, measure("round " + round + " in-process", clients, seconds, batches.size(), local));
                add(remoteSum, measure("round " + round + " http+json", clients, seconds, batches.size(), remote));
            }
            System.out.printf("HTTP/in-process throughput ratio over all rounds: %.3f (HTTP+JSON costs %.1f %% of "
                    + "throughput)%n", remoteSum[0] / localSum[0], 100 * (1 - remoteSum[0] / localSum[0]));
            System.out.printf("HTTP/in-process items per CPU-second of this process (client included): %.3f "
                    + "(HTTP+JSON costs %.1f %% of the CPU work)%n", remoteSum[1] / localSum[1],
                    100 * (1 - remoteSum[1] / localSum[1]));
        }
    }

    private static int inProcess(CpuBackend cpu, List<AdversarialItems.Signed> batch) {
        Outcome[] out = cpu.verify(AdversarialItems.batch(Scheme.ECDSA_SECP256K1, RuleSet.LOW_S, batch));
        for (Outcome o : out) {
            if (!o.isValid()) {
                throw new IllegalStateException("in-process verification gave " + o);
            }
        }
        return out.length;
    }

    private static int post(HttpClient client, URI uri, byte[] body, int expected) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        String text = r.body();
        if (r.statusCode() != 200 || text.contains("\"invalid\"") || text.contains("\"malformed\"")
                || !text.contains("\"cpu\":" + expected)) {
            throw new IllegalStateException("unexpected answer " + r.statusCode() + ": "
                    + text.substring(0, Math.min(200, text.length())));
        }
        return expected;
    }

    private static void add(double[] sum, double[] value) {
        sum[0] += value[0];
        sum[1] += value[1];
    }

    /** Items per wall-clock second and items per CPU-second of this process (robust to other work on the host). */
    private static double[] measure(String name, int clients, int seconds, int batchCount, Call call)
            throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long items = run(clients, seconds, batchCount, call);
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double rate = items / (double) seconds;
        double perCpu = items / cpuSeconds;
        System.out.printf("%-22s %,10.0f items/s  %,8.0f items per CPU-second%n", name, rate, perCpu);
        return new double[] {rate, perCpu};
    }

    private static long run(int clients, int seconds, int batchCount, Call call) throws InterruptedException {
        AtomicLong items = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            threads.add(Thread.ofPlatform().start(() -> {
                int i = offset;
                try {
                    while (System.nanoTime() < end) {
                        items.addAndGet(call.run(i++ % batchCount));
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("a client failed", errors.getFirst());
        }
        return items.get();
    }

    private static List<List<AdversarialItems.Signed>> batches(int size, int count) {
        List<AdversarialItems.Signed> all =
                new AdversarialItems(Scheme.ECDSA_SECP256K1, 20261124L, 256, size * count).signed();
        List<List<AdversarialItems.Signed>> out = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            out.add(all.subList(b * size, (b + 1) * size));
        }
        return out;
    }

    private static byte[] json(List<AdversarialItems.Signed> batch) {
        StringBuilder sb = new StringBuilder("{\"rules\":\"low-s\",\"items\":[");
        for (int i = 0; i < batch.size(); i++) {
            AdversarialItems.Signed s = batch.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"scheme\":\"ecdsa-secp256k1\",\"publicKey\":\"")
                    .append(Hex.encode(s.key().publicKey().encoded())).append("\",\"message\":\"")
                    .append(Hex.encode(s.message())).append("\",\"signature\":\"")
                    .append(Hex.encode(s.encodedSignature())).append("\"}");
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> options(String[] args) {
        Map<String, Integer> opt = new java.util.HashMap<>(Map.of("clients", 4, "batch", 1000, "batches", 8,
                "seconds", 10, "warmup", 10, "rounds", 3));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!opt.containsKey(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + " (known: " + opt.keySet() + ")");
            }
            opt.put(name, Integer.parseInt(args[i + 1]));
        }
        return opt;
    }
}
