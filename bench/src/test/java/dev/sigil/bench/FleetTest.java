package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.ByteString;
import dev.sigil.client.SigilClient;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.conformance.Vectors;
import dev.sigil.grpc.v1.Item;
import dev.sigil.grpc.v1.SignItem;
import dev.sigil.grpc.v1.SignRequest;
import dev.sigil.grpc.v1.SignResponse;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.service.grpc.ProtoItems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A fleet of three real Sigil servers, each its own OS process on loopback, under several concurrent callers
 * verifying known items (Wycheproof Ed25519 and P-256, and items signed by the fleet itself, half of them
 * tampered). Part-way one server is killed with SIGKILL and started again on the same port. Through the client's
 * own balancing, and then through HAProxy: every item of every request gets its expected answer, every request
 * issued is answered, and the restarted server takes traffic again once ready (its own request counter grows).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetTest {
    private static final String ADMIN = "fleet-admin-token-for-tests";
    private static final String CONFIG = """
            server: {shutdownGraceSeconds: 1}
            keys: {pbkdf2Iterations: 10000}
            backends: {opencl: {enabled: false}}
            routing: {calibrate: false}
            """;
    private static final int CALLERS = 4;
    private static final int ITEMS_PER_REQUEST = 8;
    private static final Pattern REQUESTS = Pattern.compile(
            "^sigil_http_requests_seconds_count\\{([^}]*)} ([0-9.E]+)$", Pattern.MULTILINE);

    private Path dir;
    private final List<ServiceProcess.Launch> launches = new ArrayList<>();
    private final List<ServiceProcess> servers = new ArrayList<>();
    private List<VerifyRequest> requests;
    private List<List<Boolean>> expected;

    @BeforeAll
    void startFleet() throws Exception {
        assumeTrue(ServiceProcess.isPresent(ServiceProcess.MAIN), "the service is not on the class path");
        dir = Files.createTempDirectory("sigil-fleet");
        Path config = Files.writeString(dir.resolve("sigil.yaml"), CONFIG);
        for (int i = 0; i < 3; i++) {
            launches.add(new ServiceProcess.Launch(dir.resolve("server-" + i + ".log"),
                    Files.createDirectories(dir.resolve("data-" + i)), config, ServiceProcess.freePort(),
                    Map.of("SIGIL_ADMIN_TOKEN", ADMIN), List.of("-Xmx512m")));
        }
        // the three start at once: each JVM's start is mostly single-threaded
        List<Thread> starting = new ArrayList<>();
        ServiceProcess[] started = new ServiceProcess[3];
        IOException[] failed = new IOException[3];
        for (int i = 0; i < 3; i++) {
            int n = i;
            starting.add(Thread.ofPlatform().start(() -> {
                try {
                    started[n] = ServiceProcess.start(launches.get(n), Duration.ofSeconds(120));
                } catch (IOException e) {
                    failed[n] = e;
                }
            }));
        }
        for (Thread t : starting) {
            t.join();
        }
        for (int i = 0; i < 3; i++) {
            if (failed[i] != null) {
                stopFleet();
                throw new IOException("server " + i + " did not start: " + log(i), failed[i]);
            }
            servers.add(started[i]);
        }
        buildWorkload();
    }

    @AfterAll
    void stopFleet() {
        servers.forEach(s -> {
            if (s != null) {
                s.close();
            }
        });
        if (dir != null) {
            TempDirs.delete(dir);
        }
    }

    @Test
    void clientBalancing_oneServerKilledAndRestarted_everyItemAnsweredCorrectly() throws Exception {
        List<String> addresses = servers.stream().map(ServiceProcess::address).toList();
        try (SigilClient client = client(addresses)) {
            assertThat(client.healthyAddresses()).containsExactlyElementsOf(addresses);
            Run run = killAndRestartUnderLoad(client, 1);
            System.out.printf("fleet through the client (3 servers, %d callers, %d items/request): %,.0f items/s "
                    + "before the kill, %,.0f items/s over the whole run (kill and restart included)%n", CALLERS,
                    ITEMS_PER_REQUEST, run.steadyItemsPerSecond(), run.itemsPerSecond());
        }
    }

    @Test
    void haproxy_oneServerKilledAndRestarted_everyItemAnsweredCorrectly() throws Exception {
        Path haproxy = Haproxy.find();
        if (haproxy == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("haproxy is not installed (apt-get install haproxy; ./sigil test installs it as root)");
            }
            assumeTrue(false, "haproxy is not installed");
        }
        int port = ServiceProcess.freePort();
        Path config = Files.writeString(dir.resolve("haproxy.cfg"), Haproxy.config(port,
                servers.stream().map(ServiceProcess::address).toList()));
        try (Haproxy proxy = Haproxy.start(haproxy, config, dir.resolve("haproxy.log"), port);
                SigilClient client = client(List.of("127.0.0.1:" + port))) {
            awaitEveryServerUsed(client, dir.resolve("haproxy.log"));
            Run run = killAndRestartUnderLoad(client, 2);
            System.out.printf("fleet through HAProxy (3 servers, %d callers, %d items/request): %,.0f items/s "
                    + "before the kill, %,.0f items/s over the whole run (kill and restart included)%n", CALLERS,
                    ITEMS_PER_REQUEST, run.steadyItemsPerSecond(), run.itemsPerSecond());
        }
    }

    /** Load for 5 s (the last 3 s measured), SIGKILL one server, start it again on its port, load until it has taken traffic again. */
    private Run killAndRestartUnderLoad(SigilClient client, int victim) throws Exception {
        Callers callers = new Callers(client, requests, expected, CALLERS);
        callers.start();
        try {
            Thread.sleep(2_000);
            long items0 = callers.items();
            long t0 = System.nanoTime();
            Thread.sleep(3_000);
            double steady = (callers.items() - items0) / ((System.nanoTime() - t0) / 1e9);
            servers.get(victim).kill();
            Thread.sleep(1_000);
            ServiceProcess again = ServiceProcess.start(launches.get(victim), Duration.ofSeconds(120));
            servers.set(victim, again);
            long before = verifyCalls(again.base());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (verifyCalls(again.base()) <= before && System.nanoTime() < end && callers.running()) {
                Thread.sleep(200);
            }
            Thread.sleep(500);
            Callers.Totals t = callers.stop();
            assertThat(t.errors()).as("failed requests").isEmpty();
            assertThat(t.wrong()).as("items answered wrongly").isEmpty();
            assertThat(t.answered()).as("requests answered of those issued").isEqualTo(t.issued());
            assertThat(t.issued()).isPositive();
            assertThat(verifyCalls(again.base())).as("verify calls on the restarted server " + log(victim))
                    .isGreaterThan(before);
            return new Run(steady, t.items() / t.seconds());
        } finally {
            callers.stop();
        }
    }

    record Run(double steadyItemsPerSecond, double itemsPerSecond) {
    }

    private static SigilClient client(List<String> addresses) {
        return SigilClient.builder().addresses(addresses).deadline(Duration.ofSeconds(30)).maxAttempts(10)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(500)).healthInterval(Duration.ofMillis(300))
                .build();
    }

    /** Waits until HAProxy has every server up: each one's verify counter grows. */
    private void awaitEveryServerUsed(SigilClient client, Path log) throws IOException, InterruptedException {
        List<LongSupplier> counters = servers.stream().map(s -> (LongSupplier) () -> verifyCalls(s.base())).toList();
        long[] before = counters.stream().mapToLong(LongSupplier::getAsLong).toArray();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String last = "";
        while (System.nanoTime() < end) {
            try {
                client.verify(requests.getFirst());
            } catch (RuntimeException e) {
                last = e.toString();
            }
            boolean all = true;
            for (int i = 0; i < counters.size(); i++) {
                all &= counters.get(i).getAsLong() > before[i];
            }
            if (all) {
                return;
            }
            Thread.sleep(50);
        }
        long[] after = counters.stream().mapToLong(LongSupplier::getAsLong).toArray();
        fail("HAProxy did not send traffic to every server within 20 s (verify calls per server before "
                + Arrays.toString(before) + ", after " + Arrays.toString(after)
                + (last.isEmpty() ? "" : "; last error " + last) + "); its log:\n" + Files.readString(log));
    }

    // ---- the workload: known answers ----

    private void buildWorkload() {
        List<Item> items = new ArrayList<>();
        List<Boolean> valid = new ArrayList<>();
        for (Vectors.Vector v : Vectors.wycheproof("ed25519_test.json", null)) {
            items.add(ProtoItems.toProto(Scheme.ED25519, v.item()));
            valid.add(v.valid());
        }
        for (Vectors.Vector v : Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER)
                .subList(0, 200)) {
            items.add(ProtoItems.toProto(Scheme.ECDSA_P256, v.item()));
            valid.add(v.valid());
        }
        signedByTheFleet(items, valid);
        requests = new ArrayList<>();
        expected = new ArrayList<>();
        // requests overlap in their items (stride 5), so the same item meets different neighbours
        for (int first = 0; first + ITEMS_PER_REQUEST <= items.size(); first += 5) {
            requests.add(VerifyRequest.newBuilder().addAllItems(items.subList(first, first + ITEMS_PER_REQUEST))
                    .build());
            expected.add(List.copyOf(valid.subList(first, first + ITEMS_PER_REQUEST)));
        }
        assertThat(expected.stream().flatMap(List::stream).distinct()).containsExactlyInAnyOrder(true, false);
    }

    /** Items signed by server 0 (Ed25519 and P-256 keys made there); every other one has its message altered. */
    private void signedByTheFleet(List<Item> items, List<Boolean> valid) {
        URI base = servers.getFirst().base();
        try (SigilClient signer = SigilClient.builder().addresses(List.of(servers.getFirst().address()))
                .token(ADMIN).build()) {
            for (String scheme : List.of("ed25519", "ecdsa-p256")) {
                String keyId = "fleet-" + scheme;
                HttpResponse<String> r = post(base.resolve("/v1/keys"), "{\"keyId\":\"" + keyId + "\",\"scheme\":\""
                        + scheme + "\",\"store\":\"software\"}");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                SignRequest.Builder sign = SignRequest.newBuilder().setKeyId(keyId);
                for (int i = 0; i < 40; i++) {
                    sign.addItems(SignItem.newBuilder().setMessage(message(scheme, i)));
                }
                SignResponse signed = signer.sign(sign.build());
                for (int i = 0; i < 40; i++) {
                    boolean tamper = i % 2 == 1;
                    ByteString m = tamper ? message(scheme, i + 1000) : message(scheme, i);
                    items.add(Item.newBuilder().setScheme(signed.getScheme()).setPublicKey(signed.getPublicKey())
                            .setMessage(m).setSignature(signed.getSignatures(i)).build());
                    valid.add(!tamper);
                }
            }
        }
    }

    private static ByteString message(String scheme, int i) {
        return ByteString.copyFromUtf8("fleet " + scheme + " message " + i);
    }

    // ---- the servers' own view ----

    /** The verify calls over gRPC a server has answered, from its {@code /metrics}; -1 when it does not answer. */
    static long verifyCalls(URI base) {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            long n = 0;
            Matcher m = REQUESTS.matcher(r.body());
            while (m.find()) {
                if (m.group(1).contains("transport=\"grpc\"") && m.group(1).contains("sigil.v1.Sigil/Verify\"")) {
                    n += (long) Double.parseDouble(m.group(2));
                }
            }
            return n;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpResponse<String> post(URI uri, String body) {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String log(int server) {
        try {
            String text = Files.readString(launches.get(server).log(), StandardCharsets.UTF_8);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
