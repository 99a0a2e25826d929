package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.sigil.service.tls.TlsSetup;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new certificate is taken while serving: new connections get it, a connection opened before keeps working with the
 * old one. Reloads come from {@link SigilServer#reloadTls()}, from a file change, and from SIGHUP.
 */
class TlsReloadTest {
    @TempDir
    static Path dir;
    static TestPki.Issued ca;
    static TestPki.Issued first;
    static TestPki.Issued second;
    static SSLContext trustingCa;

    @BeforeAll
    static void pki() {
        ca = TestPki.ca("Sigil Reload CA");
        first = TestPki.server(ca, "localhost");
        second = TestPki.server(ca, "localhost");
        trustingCa = TestPki.clientContext(ca.certificate(), null);
    }

    /** Writes the first certificate into a fresh folder; returns the YAML serving it. */
    private static String serving(Path folder, int reloadCheckSeconds) throws Exception {
        Files.createDirectories(folder);
        install(folder, first);
        return """
                server:
                  tls: {certFile: "%s", keyFile: "%s", reloadCheckSeconds: %d}
                """.formatted(folder.resolve("tls.crt"), folder.resolve("tls.key"), reloadCheckSeconds);
    }

    /** Replaces the files the way a certificate manager does: write aside, then rename over. */
    private static void install(Path folder, TestPki.Issued issued) throws Exception {
        Path crt = TestPki.writeCertificates(folder.resolve("tls.crt.new"), issued.chain());
        Path key = TestPki.writeKey(folder.resolve("tls.key.new"), issued);
        Files.move(key, folder.resolve("tls.key"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(crt, folder.resolve("tls.crt"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String servedFingerprint(SigilServer s) {
        return TlsClient.get(trustingCa, s.port(), "/health/live").peerFingerprint();
    }

    /** Polls new connections until the second certificate is served (or 60 s pass). */
    private static String awaitSecond(SigilServer s) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String served = servedFingerprint(s);
        while (!served.equals(second.fingerprint()) && System.nanoTime() < end) {
            Thread.sleep(200);
            served = servedFingerprint(s);
        }
        return served;
    }

    @Test
    void reload_givesNewConnectionsTheNewCertificate_whileAnOpenConnectionKeepsWorking() throws Exception {
        Path folder = dir.resolve("explicit");
        try (SigilServer s = TlsClient.start(dir.resolve("d1"), "127.0.0.1", serving(folder, 0), Map.of());
                TlsClient.Connection old = new TlsClient.Connection(trustingCa, s.port())) {
            assertThat(old.get("/health/live")).isEqualTo(200);
            assertThat(TestPki.fingerprint(old.peer())).isEqualTo(first.fingerprint());
            install(folder, second);
            assertThat(s.reloadTls()).isTrue();
            TlsClient.Answer after = TlsClient.get(trustingCa, s.port(), "/health/live");
            assertThat(after.peerFingerprint()).isEqualTo(second.fingerprint());
            assertThat(after.version()).as("ALPN still offers HTTP/2").isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(old.get("/health/live")).as("the connection opened before the reload").isEqualTo(200);
            assertThat(TestPki.fingerprint(old.peer())).isEqualTo(first.fingerprint());
            try (TlsClient.Connection fresh = new TlsClient.Connection(trustingCa, s.port())) {
                assertThat(TestPki.fingerprint(fresh.peer())).isEqualTo(second.fingerprint());
                assertThat(fresh.get("/health/live")).isEqualTo(200);
            }
        }
    }

    @Test
    void aBrokenFile_isNotTaken_andTheOldCertificateStays() throws Exception {
        Path folder = dir.resolve("broken");
        try (SigilServer s = TlsClient.start(dir.resolve("d2"), "127.0.0.1", serving(folder, 0), Map.of())) {
            Files.writeString(folder.resolve("tls.key"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
            assertThat(s.reloadTls()).isFalse();
            assertThat(servedFingerprint(s)).isEqualTo(first.fingerprint());
            // a key of another certificate is refused too
            TestPki.writeKey(folder.resolve("tls.key"), second);
            assertThat(s.reloadTls()).isFalse();
            assertThat(servedFingerprint(s)).isEqualTo(first.fingerprint());
        }
    }

    @Test
    void aChangedFile_isPickedUp_withoutARequest() throws Exception {
        Path folder = dir.resolve("watched");
        try (SigilServer s = TlsClient.start(dir.resolve("d3"), "127.0.0.1", serving(folder, 1), Map.of())) {
            assertThat(servedFingerprint(s)).isEqualTo(first.fingerprint());
            install(folder, second);
            assertThat(awaitSecond(s)).isEqualTo(second.fingerprint());
        }
    }

    @Test
    void sighup_reloads() throws Exception {
        Path folder = dir.resolve("hup");
        try (SigilServer s = TlsClient.start(dir.resolve("d4"), "127.0.0.1", serving(folder, 0), Map.of())) {
            // A process started with SIGHUP ignored (under nohup) keeps ignoring it: nothing to test there. Anywhere
            // else the handler must be in place (without it a SIGHUP would end this JVM, so it is sent only then).
            assumeFalse(TlsSetup.hangupIgnored(), "this process was started with SIGHUP ignored (nohup)");
            assertThat(TlsSetup.reloadsOnHangup()).isTrue();
            assertThat(servedFingerprint(s)).isEqualTo(first.fingerprint());
            install(folder, second);
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(ProcessHandle.current().pid()))
                    .inheritIO().start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(kill.exitValue()).isZero();
            assertThat(awaitSecond(s)).isEqualTo(second.fingerprint());
        }
    }

    @Test
    void theCertificateChain_isServedWhole() throws Exception {
        Path folder = dir.resolve("chain");
        Files.createDirectories(folder);
        TestPki.Issued intermediate = TestPki.intermediate(ca, "Sigil Intermediate");
        TestPki.Issued leaf = TestPki.server(intermediate, "localhost");
        TestPki.writeCertificates(folder.resolve("tls.crt"), List.of(leaf.certificate(), intermediate.certificate()));
        TestPki.writeKey(folder.resolve("tls.key"), leaf);
        String yaml = """
                server:
                  tls: {certFile: "%s", keyFile: "%s"}
                """.formatted(folder.resolve("tls.crt"), folder.resolve("tls.key"));
        try (SigilServer s = TlsClient.start(dir.resolve("d5"), "127.0.0.1", yaml, Map.of());
                TlsClient.Connection c = new TlsClient.Connection(
                        TestPki.clientContext(ca.certificate(), null), s.port())) {
            assertThat(c.get("/health/live")).isEqualTo(200);
            assertThat(TestPki.fingerprint(c.peer())).isEqualTo(leaf.fingerprint());
        }
    }
}
