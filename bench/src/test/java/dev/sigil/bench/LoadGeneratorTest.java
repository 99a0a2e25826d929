package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {
    private HttpServer server;
    private ExecutorService pool;

    private URI serve(int threads, Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/v1/verify", ex -> {
            ex.getRequestBody().readAllBytes();
            handler.handle(ex);
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/verify");
    }

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    private static List<LoadGenerator.Body> body(int expectedValid) {
        return List.of(new LoadGenerator.Body("{}".getBytes(StandardCharsets.UTF_8),
                (status, b) -> status == 200 && LoadGenerator.countWord(b, "valid") == expectedValid));
    }

    @Test
    void run_sendsEveryScheduledRequest_andCountsWrongAnswersAsErrors() throws IOException {
        AtomicInteger n = new AtomicInteger();
        URI uri = serve(2, ex -> {
            int i = n.getAndIncrement();
            if (i % 4 == 0) {
                answer(ex, 503, "{\"error\":{\"code\":\"overloaded\",\"message\":\"busy\"}}");
            } else {
                answer(ex, 200, i % 4 == 1 ? "{\"results\":[\"valid\",\"invalid\"]}" : "{\"results\":[\"valid\",\"valid\"]}");
            }
        });
        try (LoadGenerator gen = new LoadGenerator(uri, body(2), Duration.ofSeconds(10), 1000)) {
            LoadGenerator.Step s = gen.run(200, Duration.ofMillis(200));
            assertThat(s.scheduled()).isEqualTo(40);
            assertThat(n.get()).isEqualTo(40);
            assertThat(s.ok()).isEqualTo(20);
            assertThat(s.errors()).isEqualTo(20);
            assertThat(s.errorKinds()).isEqualTo(java.util.Map.of("status 503", 10L, "wrong results", 10L));
            assertThat(s.latencyMicros().getTotalCount()).isEqualTo(40);
        }
    }

    @Test
    void run_serverStall_showsInLatencyOfEveryRequestScheduledDuringIt() throws IOException {
        AtomicInteger n = new AtomicInteger();
        URI uri = serve(1, ex -> {
            if (n.getAndIncrement() == 0) {
                sleep(400);
            }
            answer(ex, 200, "{\"results\":[\"valid\"]}");
        });
        try (LoadGenerator gen = new LoadGenerator(uri, body(1), Duration.ofSeconds(10), 1000)) {
            LoadGenerator.Step s = gen.run(100, Duration.ofMillis(600));
            assertThat(s.scheduled()).isEqualTo(60);
            assertThat(s.ok()).isEqualTo(60);
            // requests due in the first 200 ms wait behind the 400 ms stall: each is at least 200 ms late, which a
            // closed-loop client (timing from the actual send) would hide
            assertThat(s.latencyMicros().getCountBetweenValues(200_000, s.latencyMicros().getMaxValue()))
                    .isGreaterThanOrEqualTo(15);
        }
    }

    @Test
    void run_pastMaxInFlight_doesNotSend_andCountsUnsentAsErrors() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger n = new AtomicInteger();
        URI uri = serve(8, ex -> {
            n.incrementAndGet();
            await(release);
            answer(ex, 200, "{\"results\":[\"valid\"]}");
        });
        // all 20 are due within 20 ms, far inside the 3 s timeout that ends the 4 held ones (the server would hold
        // them 5 s), so the four stay in flight through the whole schedule on any machine
        try (LoadGenerator gen = new LoadGenerator(uri, body(1), Duration.ofSeconds(3), 4)) {
            LoadGenerator.Step s = gen.run(1000, Duration.ofMillis(20));
            release.countDown();
            assertThat(s.scheduled()).isEqualTo(20);
            assertThat(s.unsent()).isEqualTo(16);
            assertThat(s.errors()).isEqualTo(20);
            assertThat(s.errorKinds()).isEqualTo(java.util.Map.of("unsent", 16L, "timeout", 4L));
            assertThat(s.ok()).isZero();
        }
    }

    @Test
    void countWord_countsQuotedWordOnly() {
        byte[] body = "{\"results\":[\"valid\",\"invalid\",\"valid\",\"malformed\"]}".getBytes(StandardCharsets.UTF_8);
        assertThat(LoadGenerator.countWord(body, "valid")).isEqualTo(2);
        assertThat(LoadGenerator.countWord(body, "invalid")).isEqualTo(1);
        assertThat(LoadGenerator.countWord(new byte[0], "valid")).isZero();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
