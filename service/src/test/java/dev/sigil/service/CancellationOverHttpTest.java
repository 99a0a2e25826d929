package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.SigningKey;
import io.vertx.core.json.JsonArray;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that disconnects in the middle of a large verify request: the items of it still queued are dropped (and
 * counted in {@code sigil.routing.cancelled.items}) instead of keeping the backend busy, and the next request is
 * served as usual. The only backend lets one batch (a chunk of about 50 ms by its estimate: 500 items) through per
 * permit the test gives, so nothing depends on timing.
 */
class CancellationOverHttpTest {
    private static final Pattern CANCELLED = Pattern.compile("(?m)^sigil_routing_cancelled_items_total\\{[^}]*} (\\S+)$");

    @TempDir
    Path dir;

    private final Semaphore permits = new Semaphore(0);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong verified = new AtomicLong();

    private Outcome[] gated(VerifyBatch batch) {
        entered.countDown();
        permits.acquireUninterruptibly();
        Outcome[] out = Items.CPU.verify(batch);
        verified.addAndGet(batch.pendingCount());
        done.incrementAndGet();
        return out;
    }

    /**
     * With half-closure allowed (the default) a client that only closes its sending side is still answered, so the
     * client goes away by resetting its connection; with it off, closing the socket (FIN) is enough.
     */
    @ParameterizedTest(name = "allowHalfClosure={0}")
    @ValueSource(booleans = {true, false})
    void clientDisconnectsMidRequest_queuedItemsAreDropped_andCounted_andOthersAreServed(boolean halfClosure)
            throws Exception {
        String yaml = "backends: {cpu: {enabled: false}}\nrouting: {calibrate: false, probeIntervalMs: 3600000}\n"
                + "server: {allowHalfClosure: " + halfClosure + "}\n";
        try (TestServer server = TestServer.start(dir, yaml,
                TestBackends.provider("gated", c -> TestBackends.verifier("gated", this::gated)))) {
            SigningKey.Software key = Items.key(Scheme.ECDSA_P256);
            JsonArray some = new JsonArray();
            for (int i = 0; i < 16; i++) {
                some.add(Items.signed(key, ("m" + i).getBytes(StandardCharsets.UTF_8), false));
            }
            JsonArray items = new JsonArray();
            for (int i = 0; i < 2_000; i++) {
                items.add(some.getValue(i % some.size()));
            }
            byte[] body = Items.body(items).getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
                if (halfClosure) {
                    socket.setSoLinger(true, 0);
                }
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
            }
            // the client is gone; let batches through one at a time until the server has dropped the rest
            double cancelled = 0;
            for (int given = 1; given <= 4 && cancelled == 0; given++) {
                permits.release();
                int expected = given;
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < end && done.get() < expected && (cancelled = cancelled(server)) == 0) {
                    Thread.sleep(10);
                }
                for (int i = 0; i < 50 && (cancelled = cancelled(server)) == 0; i++) {
                    Thread.sleep(10);
                }
            }
            assertThat(cancelled).isPositive();
            assertThat(verified.get() + (long) cancelled).isEqualTo(2_000);
            assertThat(verified.get()).isLessThan(2_000);

            permits.release(1_000);
            JsonArray small = new JsonArray();
            for (int i = 0; i < 100; i++) {
                small.add(some.getValue(i % some.size()));
            }
            TestServer.Response r = server.post("/v1/verify", Items.body(small), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().getJsonArray("results").getList()).hasSize(100).containsOnly("valid");
            assertThat(cancelled(server)).isEqualTo(cancelled);
        }
    }

    private static double cancelled(TestServer server) {
        Matcher m = CANCELLED.matcher(server.get("/metrics", null).body());
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
