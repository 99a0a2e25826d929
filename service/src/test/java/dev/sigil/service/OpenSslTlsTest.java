package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sigil.service.config.ConfigException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with files made by the {@code openssl} command line (keys in the formats it writes: SEC1, PKCS#8 plain and
 * encrypted, OpenSSL's traditional encrypted RSA, PKCS#12) and {@code openssl s_client} as the client. Skipped where
 * openssl is missing, except with {@code CI=true}, where it must be there.
 */
class OpenSslTlsTest {
    static final String PASSWORD = "openssl-pass-9Kq";

    @TempDir
    static Path dir;
    static SSLContext trustingCa;
    static X509Certificate rsaCert;

    @BeforeAll
    static void files() throws Exception {
        boolean present = available();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(present).as("openssl must be installed when CI=true (apt-get install openssl)").isTrue();
        }
        assumeTrue(present, "openssl is not installed");
        Files.writeString(dir.resolve("pw.txt"), PASSWORD + "\n");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                + "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
        Files.writeString(dir.resolve("client.ext"), "keyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
                "-out", "ca.crt", "-subj", "/CN=OpenSSL Test CA", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.key"); // EC PARAMETERS + EC PRIVATE KEY
        sign("ec.key", "localhost", "ec.crt", "server.ext");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key");
        sign("rsa.key", "localhost", "rsa.crt", "server.ext");
        openssl("pkcs8", "-topk8", "-in", "rsa.key", "-out", "rsa-pkcs8-enc.key", "-v2", "aes-256-cbc",
                "-passout", "file:pw.txt");
        openssl("rsa", "-in", "rsa.key", "-out", "rsa-traditional-enc.key", "-aes256", "-traditional",
                "-passout", "file:pw.txt");
        openssl("pkcs12", "-export", "-inkey", "rsa.key", "-in", "rsa.crt", "-certfile", "ca.crt", "-out", "rsa.p12",
                "-passout", "file:pw.txt");
        openssl("genpkey", "-algorithm", "ED25519", "-out", "ed25519.key");
        sign("ed25519.key", "localhost", "ed25519.crt", "server.ext");
        for (String client : new String[] {"client-a", "client-b"}) {
            openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", client + ".key");
            sign(client + ".key", client, client + ".crt", "client.ext");
        }
        X509Certificate ca = certificate("ca.crt");
        rsaCert = certificate("rsa.crt");
        trustingCa = TestPki.clientContext(ca, null);
    }

    private static boolean available() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sign(String key, String cn, String out, String ext) throws Exception {
        openssl("req", "-new", "-key", key, "-out", out + ".csr", "-subj", "/CN=" + cn);
        openssl("x509", "-req", "-in", out + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", out, "-days", "30", "-extfile", ext);
    }

    /** Runs openssl in the test folder; its output, or a failure with the output when it exits non-zero. */
    static String openssl(String... args) throws Exception {
        Result r = run(null, args);
        assertThat(r.exit()).as("openssl " + String.join(" ", args) + "\n" + r.output()).isZero();
        return r.output();
    }

    record Result(int exit, String output) {
    }

    private static Result run(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] output;
        try (InputStream out = p.getInputStream()) {
            output = out.readAllBytes();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** One HTTP/1.1 request through {@code openssl s_client}; true when it was answered 200. */
    static boolean sClientGets200(int port, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("s_client", "-connect", "127.0.0.1:" + port, "-servername",
                "localhost", "-CAfile", "ca.crt", "-verify_return_error", "-quiet"));
        args.addAll(List.of(options));
        Result r = run("GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                args.toArray(new String[0]));
        return r.output().contains("HTTP/1.1 200");
    }

    static X509Certificate certificate(String file) throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** The fingerprint as {@code openssl x509 -fingerprint -sha256} prints it (colons, uppercase). */
    static String opensslFingerprint(String file) throws Exception {
        String out = openssl("x509", "-in", file, "-noout", "-fingerprint", "-sha256").strip();
        return out.substring(out.indexOf('=') + 1);
    }

    private static String tls(String fields) {
        return "server:\n  tls: {" + fields + "}";
    }

    @Test
    void aSec1KeyAndItsCertificate_serveHttps_toJavaAndToOpensslClients() throws Exception {
        String yaml = tls("certFile: \"" + dir.resolve("ec.crt") + "\", keyFile: \"" + dir.resolve("ec.key") + "\"");
        try (SigilServer s = TlsClient.start(dir.resolve("d1"), "127.0.0.1", yaml, Map.of())) {
            TlsClient.Answer a = TlsClient.send(trustingCa, s.port(), "POST", "/v1/verify", TlsTest.VERIFY_BODY, null);
            assertThat(a.status()).isEqualTo(200);
            assertThat(new JsonObject(a.body()).getJsonArray("results").getList()).containsExactly("valid");
            assertThat(sClientGets200(s.port(), "-tls1_3")).as("TLS 1.3").isTrue();
            assertThat(sClientGets200(s.port(), "-tls1_2")).as("TLS 1.2").isTrue();
            assertThat(sClientGets200(s.port(), "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0")).as("TLS 1.1").isFalse();
            assertThat(sClientGets200(s.port(), "-tls1", "-cipher", "DEFAULT@SECLEVEL=0")).as("TLS 1.0").isFalse();
        }
    }

    @Test
    void anEd25519KeyAndItsCertificate_serveHttps() throws Exception {
        String yaml = tls("certFile: \"" + dir.resolve("ed25519.crt") + "\", keyFile: \"" + dir.resolve("ed25519.key")
                + "\"");
        try (SigilServer s = TlsClient.start(dir.resolve("d5"), "127.0.0.1", yaml, Map.of())) {
            TlsClient.Answer a = TlsClient.get(trustingCa, s.port(), "/health/live");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.peer()).isEqualTo(certificate("ed25519.crt"));
            assertThat(sClientGets200(s.port())).isTrue();
        }
    }

    @Test
    void aPkcs12File_withItsPasswordInAFile_serves() throws Exception {
        String yaml = tls("pkcs12File: \"" + dir.resolve("rsa.p12") + "\", password: \"file:" + dir.resolve("pw.txt")
                + "\"");
        try (SigilServer s = TlsClient.start(dir.resolve("d2"), "127.0.0.1", yaml, Map.of())) {
            TlsClient.Answer a = TlsClient.get(trustingCa, s.port(), "/health/live");
            assertThat(a.status()).isEqualTo(200);
            assertThat(TlsTest.colons(a.peerFingerprint())).isEqualTo(opensslFingerprint("rsa.crt"));
            assertThat(sClientGets200(s.port())).isTrue();
        }
    }

    @Test
    void encryptedKeys_pkcs8AndTraditional_serveWithTheRightPassword_only() throws Exception {
        for (String key : new String[] {"rsa-pkcs8-enc.key", "rsa-traditional-enc.key"}) {
            String yaml = tls("certFile: \"" + dir.resolve("rsa.crt") + "\", keyFile: \"" + dir.resolve(key)
                    + "\", password: env:TLS_KEY_PASSWORD");
            try (SigilServer s = TlsClient.start(dir.resolve("d3"), "127.0.0.1", yaml,
                    Map.of("TLS_KEY_PASSWORD", PASSWORD))) {
                assertThat(TlsClient.get(trustingCa, s.port(), "/health/live").peer()).as(key).isEqualTo(rsaCert);
            }
            Throwable wrong = catchThrowable(() -> TlsClient.start(dir.resolve("d3"), "127.0.0.1", yaml,
                    Map.of("TLS_KEY_PASSWORD", "not-" + PASSWORD)).close());
            assertThat(wrong).as(key).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("server.tls.password").hasMessageNotContaining(PASSWORD);
        }
    }

    @Test
    void mutualTls_acceptsTheListedOpensslClient_andRefusesTheOthers() throws Exception {
        String yaml = tls("certFile: \"" + dir.resolve("ec.crt") + "\", keyFile: \"" + dir.resolve("ec.key")
                + "\", clientAuth: require, clientCaFile: \"" + dir.resolve("ca.crt") + "\", clientFingerprints: [\""
                + opensslFingerprint("client-a.crt") + "\"]");
        try (SigilServer s = TlsClient.start(dir.resolve("d4"), "127.0.0.1", yaml, Map.of())) {
            assertThat(sClientGets200(s.port(), "-cert", "client-a.crt", "-key", "client-a.key")).as("listed").isTrue();
            assertThat(sClientGets200(s.port(), "-cert", "client-b.crt", "-key", "client-b.key")).as("unlisted")
                    .isFalse();
            assertThat(sClientGets200(s.port())).as("no certificate").isFalse();
            TlsClient.assertRefused(trustingCa, s.port());
        }
    }
}
