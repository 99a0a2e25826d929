package dev.sigil.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal POST /v1/verify endpoint for the tests, answering per the API contract with the CPU backend (one item
 * per batch), so the load generator and the HTTP phase can be exercised without the real service.
 */
final class TinyVerifyServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final CpuBackend cpu = new CpuBackend(1);
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    TinyVerifyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/v1/verify", this::verify);
        server.createContext("/v1/backends", ex -> answer(ex, 200, "{\"backends\":[{\"id\":\"cpu\"}]}"));
        server.setExecutor(pool);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void verify(HttpExchange ex) throws IOException {
        JsonNode req = JSON.readTree(ex.getRequestBody());
        ObjectNode res = JSON.createObjectNode().put("rules", "standard");
        ArrayNode results = res.putArray("results");
        for (JsonNode item : req.get("items")) {
            Scheme scheme = Scheme.fromWire(item.get("scheme").asText()).orElseThrow();
            EncodedItem e = EncodedItem.ofMessage(Hex.decode("publicKey", item.get("publicKey").asText()),
                    Hex.decode("message", item.get("message").asText()),
                    Hex.decode("signature", item.get("signature").asText()));
            Outcome o = cpu.verify(VerifyBatch.builder(scheme, RuleSet.STANDARD, 1).add(e).build())[0];
            results.add(o.verdict().wireName());
        }
        answer(ex, 200, JSON.writeValueAsString(res));
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        cpu.close();
    }
}
