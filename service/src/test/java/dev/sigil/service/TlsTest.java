package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with certificates made by Bouncy Castle: handshake, protocol versions, PEM and PKCS#12, mutual TLS. */
class TlsTest {
    static final String VERIFY_BODY = """
            {"items": [{"scheme": "ed25519",
              "publicKey": "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "message": "",
              "signature": "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"}]}
            """;

    @TempDir
    static Path dir;
    static TestPki.Issued ca;
    static TestPki.Issued server;
    static TestPki.Issued listed;
    static TestPki.Issued unlisted;
    static TestPki.Issued selfSigned;
    static Path cert;
    static Path key;

    @BeforeAll
    static void pki() throws Exception {
        ca = TestPki.ca("Sigil Test CA");
        server = TestPki.server(ca, "localhost");
        listed = TestPki.client(ca, "node-a");
        unlisted = TestPki.client(ca, "node-b");
        selfSigned = TestPki.selfSignedClient("node-c");
        cert = TestPki.writeCertificates(dir.resolve("server.crt"), server.chain());
        key = TestPki.writeKey(dir.resolve("server.key"), server);
        TestPki.writeCertificates(dir.resolve("ca.crt"), List.of(ca.certificate()));
    }

    static String pemTls(String more) {
        return """
                server:
                  tls:
                    certFile: "%s"
                    keyFile: "%s"
                %s""".formatted(cert, key, more.indent(4));
    }

    static SSLContext client(TestPki.Issued clientCert) {
        return TestPki.clientContext(ca.certificate(), clientCert);
    }

    @Test
    void https_handshakes_andVerifyAnswers_andPlainHttpIsNotServed() throws Exception {
        try (SigilServer s = TlsClient.start(dir.resolve("d1"), "127.0.0.1", pemTls(""), Map.of())) {
            assertThat(s.tls()).isTrue();
            TlsClient.Answer a = TlsClient.send(client(null), s.port(), "POST", "/v1/verify", VERIFY_BODY, null);
            assertThat(a.status()).isEqualTo(200);
            assertThat(new JsonObject(a.body()).getJsonArray("results").getList()).containsExactly("valid");
            assertThat(a.peerFingerprint()).isEqualTo(server.fingerprint());
            assertThat(a.version()).as("ALPN offers HTTP/2").isEqualTo(HttpClient.Version.HTTP_2);
            try (HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
                Throwable t = catchThrowable(() -> plain.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + s.port() + "/health/live")).timeout(Duration.ofSeconds(20))
                        .build(), HttpResponse.BodyHandlers.ofString()));
                assertThat(t).as("plain HTTP on the TLS port").isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void tls12And13_areAccepted_tls11AndTls10_areRefused() throws Exception {
        try (SigilServer s = TlsClient.start(dir.resolve("d2"), "127.0.0.1", pemTls(""), Map.of())) {
            for (String p : new String[] {"TLSv1.2", "TLSv1.3"}) {
                try (TlsClient.Connection c = new TlsClient.Connection(client(null), s.port(), p)) {
                    assertThat(c.protocol()).isEqualTo(p);
                    assertThat(c.get("/health/live")).isEqualTo(200);
                }
            }
            // Hand-made ClientHellos: the JDK client itself will not offer TLS 1.1, so the server's answer is read raw.
            assertThat(firstRecord(s.port(), 0x0303)).as("TLS 1.2 hello").isEqualTo("handshake:server-hello:0303");
            assertThat(firstRecord(s.port(), 0x0302)).as("TLS 1.1 hello").isIn("alert", "closed");
            assertThat(firstRecord(s.port(), 0x0301)).as("TLS 1.0 hello").isIn("alert", "closed");
        }
    }

    @Test
    void theConfiguredProtocolsAndSuites_areTheOnlyOnesOffered() throws Exception {
        try (SigilServer s = TlsClient.start(dir.resolve("d10"), "127.0.0.1", pemTls("protocols: [TLSv1.3]"),
                Map.of())) {
            assertThat(catchThrowable(() -> new TlsClient.Connection(client(null), s.port(), "TLSv1.2").close()))
                    .as("TLS 1.2 when only TLS 1.3 is configured").isInstanceOf(IOException.class);
            assertThat(firstRecord(s.port(), 0x0303)).isIn("alert", "closed");
            try (TlsClient.Connection c = new TlsClient.Connection(client(null), s.port(), "TLSv1.3")) {
                assertThat(c.get("/health/live")).isEqualTo(200);
            }
        }
        String suite = "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256";
        try (SigilServer s = TlsClient.start(dir.resolve("d11"), "127.0.0.1",
                pemTls("protocols: [TLSv1.2]\ncipherSuites: [" + suite + "]"), Map.of());
                TlsClient.Connection c = new TlsClient.Connection(client(null), s.port(), "TLSv1.2")) {
            assertThat(c.cipherSuite()).isEqualTo(suite);
        }
    }

    /** Sends a ClientHello of the version and describes the first record the server answers with. */
    static String firstRecord(int port, int version) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(clientHello(version));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.read();
            if (type < 0) {
                return "closed";
            }
            if (type == 0x15) {
                return "alert";
            }
            byte[] header = in.readNBytes(4);
            byte[] body = in.readNBytes(6);
            if (type != 0x16 || header.length < 4 || body.length < 6) {
                return "other:" + type;
            }
            return "handshake:" + (body[0] == 2 ? "server-hello" : "type-" + body[0]) + ":"
                    + String.format("%02x%02x", body[4], body[5]);
        } catch (java.net.SocketException e) {
            return "closed";
        }
    }

    private static byte[] clientHello(int version) {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.write(version >> 8);
        hello.write(version);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        hello.writeBytes(random);
        hello.write(0); // no session id
        int[] suites = {0xc02b, 0xc02f, 0xc009, 0xc013, 0x002f, 0x0035};
        u16(hello, suites.length * 2);
        for (int s : suites) {
            u16(hello, s);
        }
        hello.writeBytes(new byte[] {1, 0}); // compression: null only
        byte[] extensions = {
            0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x17, 0x00, 0x18, // supported groups: P-256, P-384
            0x00, 0x0b, 0x00, 0x02, 0x01, 0x00, // EC point formats: uncompressed
            0x00, 0x0d, 0x00, 0x08, 0x00, 0x06, 0x04, 0x03, 0x08, 0x04, 0x04, 0x01}; // signature algorithms
        u16(hello, extensions.length);
        hello.writeBytes(extensions);
        byte[] body = hello.toByteArray();
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {0x16, 0x03, 0x01});
        u16(record, body.length + 4);
        record.writeBytes(new byte[] {0x01, 0, (byte) (body.length >> 8), (byte) body.length});
        record.writeBytes(body);
        return record.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }

    @Test
    void pkcs12_withThePasswordFromTheEnvironment_serves() throws Exception {
        char[] password = "p12-secret-Fz7".toCharArray();
        Path p12 = TestPki.writePkcs12(dir.resolve("server.p12"), server, password);
        String yaml = """
                server:
                  tls: {pkcs12File: "%s", password: "env:TLS_P12_PASSWORD"}
                """.formatted(p12);
        try (SigilServer s = TlsClient.start(dir.resolve("d3"), "127.0.0.1", yaml,
                Map.of("TLS_P12_PASSWORD", new String(password)))) {
            TlsClient.Answer a = TlsClient.get(client(null), s.port(), "/health/live");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.peerFingerprint()).isEqualTo(server.fingerprint());
        }
    }

    @Test
    void anEncryptedPemKey_withThePasswordFromAFile_serves() throws Exception {
        char[] password = "pem-secret-Qw4".toCharArray();
        Path encrypted = TestPki.writeEncryptedKey(dir.resolve("server-enc.key"), server, password);
        Path passwordFile = Files.writeString(dir.resolve("key.pass"), new String(password) + "\n");
        String yaml = """
                server:
                  tls: {certFile: "%s", keyFile: "%s", password: "file:%s"}
                """.formatted(cert, encrypted, passwordFile);
        try (SigilServer s = TlsClient.start(dir.resolve("d4"), "127.0.0.1", yaml, Map.of())) {
            assertThat(TlsClient.get(client(null), s.port(), "/health/live").peerFingerprint())
                    .isEqualTo(server.fingerprint());
        }
    }

    @Test
    void require_refusesAClientWithoutCertificate_andAcceptsOneFromTheCa() throws Exception {
        String yaml = pemTls("clientAuth: require\nclientCaFile: \"" + dir.resolve("ca.crt") + "\"");
        try (SigilServer s = TlsClient.start(dir.resolve("d5"), "127.0.0.1", yaml, Map.of())) {
            assertThat(TlsClient.get(client(listed), s.port(), "/health/live").status()).isEqualTo(200);
            assertThat(TlsClient.get(client(unlisted), s.port(), "/health/live").status()).isEqualTo(200);
            TlsClient.assertRefused(client(null), s.port());
            TlsClient.assertRefused(client(selfSigned), s.port());
        }
    }

    @Test
    void fingerprints_refuseAnUnlistedCertificate_evenFromTheCa() throws Exception {
        String yaml = pemTls("clientAuth: require\nclientCaFile: \"" + dir.resolve("ca.crt") + "\"\n"
                + "clientFingerprints: [\"" + colons(listed.fingerprint()) + "\"]");
        try (SigilServer s = TlsClient.start(dir.resolve("d6"), "127.0.0.1", yaml, Map.of())) {
            assertThat(TlsClient.get(client(listed), s.port(), "/health/live").status()).isEqualTo(200);
            TlsClient.assertRefused(client(unlisted), s.port());
            TlsClient.assertRefused(client(null), s.port());
        }
    }

    @Test
    void fingerprintsAlone_acceptAListedSelfSignedClient_andNoOtherCertificate() throws Exception {
        String yaml = pemTls("clientAuth: require\nclientFingerprints: [" + selfSigned.fingerprint() + "]");
        try (SigilServer s = TlsClient.start(dir.resolve("d7"), "127.0.0.1", yaml, Map.of())) {
            assertThat(TlsClient.get(client(selfSigned), s.port(), "/health/live").status()).isEqualTo(200);
            TlsClient.assertRefused(client(listed), s.port());
            TlsClient.assertRefused(client(null), s.port());
        }
    }

    @Test
    void request_letsInAClientWithoutCertificate_butRefusesAnUnlistedOne() throws Exception {
        String yaml = pemTls("clientAuth: request\nclientCaFile: \"" + dir.resolve("ca.crt") + "\"\n"
                + "clientFingerprints: [" + listed.fingerprint() + "]");
        try (SigilServer s = TlsClient.start(dir.resolve("d8"), "127.0.0.1", yaml, Map.of())) {
            assertThat(TlsClient.get(client(null), s.port(), "/health/live").status()).isEqualTo(200);
            assertThat(TlsClient.get(client(listed), s.port(), "/health/live").status()).isEqualTo(200);
            TlsClient.assertRefused(client(unlisted), s.port());
        }
    }

    @Test
    void tokensOverTls_onANonLoopbackAddress_areAccepted() throws Exception {
        try (SigilServer s = TlsClient.start(dir.resolve("d9"), "0.0.0.0", pemTls(""), Map.of())) {
            TlsClient.Answer keys = TlsClient.send(client(null), s.port(), "GET", "/v1/keys", null, TestServer.ADMIN);
            assertThat(keys.status()).isEqualTo(200);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static String colons(String hex) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 2) {
            b.append(i == 0 ? "" : ":").append(hex.substring(i, i + 2).toUpperCase());
        }
        return b.toString();
    }
}
