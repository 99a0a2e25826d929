package dev.sigil.service;

import dev.sigil.cpu.CpuBackendProvider;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.service.config.ConfigLoader;
import dev.sigil.service.config.ServiceConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** A real server on a loopback port, and an HTTP client speaking to it. */
final class TestServer implements AutoCloseable {
    static final String ADMIN = "admin-token-for-tests";
    /**
     * HTTP/1.1: the JDK client's h2c upgrade loses the end of an upgraded response longer than one HTTP/2 frame
     * (16 KB) now and then and waits for it until the server's idle timeout; HTTP/2 is tested on its own
     * ({@code EdgeTest}, gRPC), with answers that fit one frame.
     */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    final SigilServer server;
    final Path dataDir;

    private TestServer(SigilServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /** Starts with the CPU backend, the YAML given (may be empty), and SIGIL_ADMIN_TOKEN set. */
    static TestServer start(Path dataDir, String yaml, BackendProvider... extra) {
        return start(dataDir, yaml, Map.of(), extra);
    }

    static TestServer start(Path dataDir, String yaml, Map<String, String> moreEnv, BackendProvider... extra) {
        ServiceConfig config = config(yaml);
        config = config.withServer(config.server().withAddress("127.0.0.1", 0));
        List<BackendProvider> providers = new ArrayList<>(List.of(new CpuBackendProvider()));
        providers.addAll(List.of(extra));
        Map<String, String> env = new HashMap<>(moreEnv);
        env.put("SIGIL_ADMIN_TOKEN", ADMIN);
        return new TestServer(SigilServer.start(config, dataDir, env, providers), dataDir);
    }

    /** Parses YAML as the service does; key derivation is made cheap for tests unless the YAML says otherwise. */
    static ServiceConfig config(String yaml) {
        Object root = new Yaml().load(yaml.isBlank() ? "{}" : yaml);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = root == null ? new HashMap<>() : new HashMap<>((Map<String, Object>) root);
        if (!map.containsKey("keys")) {
            map.put("keys", Map.of("pbkdf2Iterations", 10_000));
        }
        return ConfigLoader.parse(map);
    }

    Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    Response post(String path, String body, String token) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response postBytes(String path, byte[] body, String token) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json");
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Status and body of an answer. */
    record Response(int status, String body, String retryAfter) {
        JsonObject json() {
            return new JsonObject(body);
        }

        String errorCode() {
            return json().getJsonObject("error").getString("code");
        }
    }
}
