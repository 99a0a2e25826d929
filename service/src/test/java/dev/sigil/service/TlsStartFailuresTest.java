package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.sigil.service.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A TLS setting that cannot be used stops the start with a message naming the field, and never shows a password. */
class TlsStartFailuresTest {
    static final String PASSWORD = "Tr0ub4dor-and-3";
    static final String WRONG = "wrong-horse-battery";

    @TempDir
    static Path dir;
    static TestPki.Issued server;
    static Path cert;
    static Path key;
    static Path encryptedKey;
    static Path p12;

    @BeforeAll
    static void pki() throws Exception {
        TestPki.Issued ca = TestPki.ca("Sigil Failures CA");
        server = TestPki.server(ca, "localhost");
        cert = TestPki.writeCertificates(dir.resolve("server.crt"), server.chain());
        key = TestPki.writeKey(dir.resolve("server.key"), server);
        encryptedKey = TestPki.writeEncryptedKey(dir.resolve("server-enc.key"), server, PASSWORD.toCharArray());
        p12 = TestPki.writePkcs12(dir.resolve("server.p12"), server, PASSWORD.toCharArray());
    }

    /** Starts with the TLS section; returns the failure's message, having checked that no log line shows a password. */
    private static String failure(String tls, Map<String, String> env) {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        Throwable t;
        try {
            t = catchThrowable(() -> TlsClient.start(dir.resolve("data"), "127.0.0.1", "server:\n  tls: " + tls, env)
                    .close());
        } finally {
            root.removeHandler(capture);
        }
        assertThat(t).as(tls).isInstanceOf(ConfigException.class);
        for (String secret : new String[] {PASSWORD, WRONG}) {
            assertThat(t.getMessage()).doesNotContain(secret);
            assertThat(logged).noneMatch(line -> line.contains(secret));
        }
        return t.getMessage();
    }

    @Test
    void aMissingFile_namesItsField() {
        assertThat(failure("{certFile: \"" + dir.resolve("absent.crt") + "\", keyFile: \"" + key + "\"}", Map.of()))
                .contains("server.tls.certFile", "absent.crt");
        assertThat(failure("{certFile: \"" + cert + "\", keyFile: \"" + dir.resolve("absent.key") + "\"}", Map.of()))
                .contains("server.tls.keyFile", "absent.key");
        assertThat(failure("{pkcs12File: \"" + dir.resolve("absent.p12") + "\"}", Map.of()))
                .contains("server.tls.pkcs12File");
        assertThat(failure("{certFile: \"" + cert + "\", keyFile: \"" + key + "\", clientAuth: require,"
                + " clientCaFile: \"" + dir.resolve("absent-ca.crt") + "\"}", Map.of()))
                .contains("server.tls.clientCaFile");
    }

    @Test
    void aWrongPassword_namesThePasswordField_andNeverShowsIt() {
        assertThat(failure("{pkcs12File: \"" + p12 + "\", password: env:P}", Map.of("P", WRONG)))
                .contains("server.tls.password");
        assertThat(failure("{certFile: \"" + cert + "\", keyFile: \"" + encryptedKey + "\", password: env:P}",
                Map.of("P", WRONG))).contains("server.tls.password");
    }

    @Test
    void aMissingPassword_namesThePasswordField() {
        assertThat(failure("{certFile: \"" + cert + "\", keyFile: \"" + encryptedKey + "\"}", Map.of()))
                .contains("server.tls.password");
        assertThat(failure("{pkcs12File: \"" + p12 + "\", password: env:UNSET_TLS_PASSWORD}", Map.of()))
                .contains("server.tls.password", "UNSET_TLS_PASSWORD");
        assertThat(failure("{pkcs12File: \"" + p12 + "\", password: \"file:" + dir.resolve("absent.pass") + "\"}",
                Map.of())).contains("server.tls.password");
    }

    @Test
    void filesOfTheWrongKind_areRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        assertThat(failure("{certFile: \"" + text + "\", keyFile: \"" + key + "\"}", Map.of()))
                .contains("server.tls.certFile");
        assertThat(failure("{certFile: \"" + cert + "\", keyFile: \"" + cert + "\"}", Map.of()))
                .contains("server.tls.keyFile");
        assertThat(failure("{pkcs12File: \"" + text + "\", password: env:P}", Map.of("P", PASSWORD)))
                .contains("server.tls.pkcs12File");
        assertThat(failure("{certFile: \"" + cert + "\", keyFile: \"" + key + "\", cipherSuites: [TLS_NULL_WITH_NULL]}",
                Map.of())).contains("server.tls.cipherSuites");
    }

    @Test
    void aKeyOfAnotherCertificate_isRefused() throws Exception {
        TestPki.Issued other = TestPki.server(TestPki.ca("Other CA"), "localhost");
        Path otherKey = TestPki.writeKey(dir.resolve("other.key"), other);
        assertThat(failure("{certFile: \"" + cert + "\", keyFile: \"" + otherKey + "\"}", Map.of()))
                .contains("server.tls.keyFile", "does not belong");
    }

    @Test
    void theRightPassword_starts() {
        // the control for the cases above: the same files and the right password serve
        try (SigilServer s = TlsClient.start(dir.resolve("ok"), "127.0.0.1",
                "server:\n  tls: {pkcs12File: \"" + p12 + "\", password: env:P}", Map.of("P", PASSWORD))) {
            assertThat(s.tls()).isTrue();
        }
    }
}
