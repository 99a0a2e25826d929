package dev.sigil.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.cpu.CpuBackendProvider;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.service.SigilServer;
import dev.sigil.service.auth.Authenticator;
import dev.sigil.service.config.ConfigLoader;
import dev.sigil.service.config.ServiceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** Real servers on loopback ports (CPU backend), and plain HTTP calls to their JSON API. */
final class Servers {
    static final String ADMIN = "admin-token-for-client-tests";
    static final String NODE = "node-token-for-client-tests";
    static final String SIGNER = "signer-token-for-client-tests";
    /** HTTP/1.1, as the service's own tests (the JDK client's h2c upgrade can stall on long answers). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern GRPC_VERIFY_COUNT = Pattern.compile(
            "^sigil_http_requests_seconds_count\\{([^}]*)} ([0-9.E]+)$", Pattern.MULTILINE);

    private Servers() {
    }

    /** Tokens: NODE may verify (and recover), SIGNER may sign with keys named validator-*. */
    static String yaml(int maxBatchItems) {
        return """
                server: {maxBatchItems: %d, shutdownGraceSeconds: 1}
                keys: {pbkdf2Iterations: 10000}
                auth:
                  verifyOpen: false
                  tokens:
                    - {name: node, sha256: %s, roles: [verify]}
                    - {name: validators, sha256: %s, roles: [sign], keys: ["validator-*"]}
                """.formatted(maxBatchItems, Hex.encode(Authenticator.sha256(NODE)),
                Hex.encode(Authenticator.sha256(SIGNER)));
    }

    static SigilServer start(Path dataDir, int port) {
        return start(dataDir, port, 1000);
    }

    static SigilServer start(Path dataDir, int port, int maxBatchItems) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = new HashMap<>((Map<String, Object>) new Yaml().load(yaml(maxBatchItems)));
        ServiceConfig config = ConfigLoader.parse(map);
        config = config.withServer(config.server().withAddress("127.0.0.1", port));
        List<BackendProvider> providers = List.of(new CpuBackendProvider());
        return SigilServer.start(config, dataDir, Map.of("SIGIL_ADMIN_TOKEN", ADMIN), providers);
    }

    static String address(SigilServer s) {
        return "127.0.0.1:" + s.port();
    }

    /** Makes a software key on the server, as an administrator does. */
    static void createKey(SigilServer s, String keyId, String scheme) {
        HttpResponse<String> r = post(s, "/v1/keys", "{\"keyId\":\"" + keyId + "\",\"scheme\":\"" + scheme
                + "\",\"store\":\"software\"}", ADMIN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    static HttpResponse<String> post(SigilServer s, String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + address(s) + path))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    /** gRPC Verify calls the server has answered, by its /metrics (any status). */
    static long grpcVerifyCalls(SigilServer s) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://" + address(s) + "/metrics"))
                .timeout(Duration.ofSeconds(30)).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        long n = 0;
        Matcher m = GRPC_VERIFY_COUNT.matcher(r.body());
        while (m.find()) {
            if (m.group(1).contains("transport=\"grpc\"") && m.group(1).contains("sigil.v1.Sigil/Verify\"")) {
                n += (long) Double.parseDouble(m.group(2));
            }
        }
        return n;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
