package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sigil.cpu.CpuBackendProvider;
import dev.sigil.service.config.ServiceConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** HTTPS to a test server: one request per fresh client, or a raw keep-alive HTTP/1.1 connection. */
final class TlsClient {
    private TlsClient() {
    }

    /** Starts a server on the host given (port 0) with the YAML; the CPU backend only, calibration off. */
    static SigilServer start(Path dataDir, String host, String yaml, Map<String, String> moreEnv) {
        ServiceConfig config = TestServer.config(yaml.isBlank() ? "routing: {calibrate: false}"
                : yaml + (yaml.contains("routing:") ? "" : "\nrouting: {calibrate: false}"));
        config = config.withServer(config.server().withAddress(host, 0));
        Map<String, String> env = new HashMap<>(moreEnv);
        env.put("SIGIL_ADMIN_TOKEN", TestServer.ADMIN);
        return SigilServer.start(config, dataDir, env, List.of(new CpuBackendProvider()));
    }

    /** One request over a new connection; the peer certificate it saw comes back with the answer. */
    static Answer send(SSLContext ctx, int port, String method, String path, String body, String token) {
        try (HttpClient client = HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(10))
                .build()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            X509Certificate peer = (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
            return new Answer(r.statusCode(), r.body(), peer, r.version());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer get(SSLContext ctx, int port, String path) {
        return send(ctx, port, "GET", path, null, null);
    }

    /** Asserts that the server refuses the connection (during the handshake, or at the first read after it). */
    static void assertRefused(SSLContext ctx, int port) {
        Throwable t = catchThrowable(() -> get(ctx, port, "/health/live"));
        assertThat(t).as("the server should refuse this client").isInstanceOf(UncheckedIOException.class);
    }

    record Answer(int status, String body, X509Certificate peer, HttpClient.Version version) {
        String peerFingerprint() {
            return TestPki.fingerprint(peer);
        }
    }

    /** A raw HTTP/1.1 connection over TLS that stays open between requests. */
    static final class Connection implements AutoCloseable {
        private final SSLSocket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(SSLContext ctx, int port, String... protocols) throws IOException {
            socket = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port);
            socket.setSoTimeout(30_000);
            if (protocols.length > 0) {
                socket.setEnabledProtocols(protocols);
            }
            socket.startHandshake();
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        X509Certificate peer() throws IOException {
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }

        String protocol() {
            return socket.getSession().getProtocol();
        }

        String cipherSuite() {
            return socket.getSession().getCipherSuite();
        }

        /** Sends a GET and reads the answer; returns the status. */
        int get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            int length = 0;
            for (String h = line(); !h.isEmpty(); h = line()) {
                if (h.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring(15).strip());
                }
            }
            in.readNBytes(length);
            return Integer.parseInt(status.split(" ")[1]);
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
