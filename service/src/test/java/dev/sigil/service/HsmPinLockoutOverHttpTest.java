package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Hex;
import dev.sigil.hsm.HsmBackendProvider;
import dev.sigil.pkcs11.Pkcs11Module;
import dev.sigil.pkcs11.SessionHandle;
import dev.sigil.pkcs11.testing.FaultyPkcs11;
import dev.sigil.pkcs11.testing.SoftHsm;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on a token whose PIN is refused after the login was lost (a PIN rotated on the HSM): the refused PIN
 * is offered once, not again by the background prober, the readiness checks or further sign requests; signs answer
 * 503 and readiness names the reason. The token is simulated by a PKCS #11 module over SoftHSM2 that refuses the PIN
 * like a token that locks it after three wrong ones, and counts every {@code C_Login}.
 */
class HsmPinLockoutOverHttpTest {
    private static final String PIN = "lockout-pin-4242";
    private static final int PROBE_TICKS = 20;

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        FaultyPkcs11.get().reset();
    }

    @Test
    void loginLost_pinRefused_oneLoginAcrossProbesReadinessChecksAndSigns() throws Exception {
        FaultyPkcs11 faulty = FaultyPkcs11.get();
        faulty.reset();
        String label = SoftHsm.get().newToken("http-lockout", PIN, "lockout-so-4242");
        Path pinFile = dir.resolve("hsm.pin");
        Files.writeString(pinFile, PIN + "\n");
        String yaml = "hsm:\n  module: " + faulty.library() + "\n  tokenLabel: " + label + "\n  pin: file:" + pinFile
                + "\n  sessions: 2\nrouting:\n  probeIntervalMs: 10\n";
        try (TestServer server = TestServer.start(dir.resolve("data"), yaml, new HsmBackendProvider())) {
            TestServer.Response created = server.post("/v1/keys", new JsonObject().put("keyId", "rotated")
                    .put("scheme", "ecdsa-p256").put("store", "hsm").encode(), TestServer.ADMIN);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(sign(server).status()).isEqualTo(200);

            faulty.reset();
            faulty.refusePin(FaultyPkcs11.CKR_PIN_INCORRECT, 3);
            loseTheLogin(label);

            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                server.get("/health/ready", null);
                TestServer.Response r = sign(server);
                if (r.status() != 503 || !r.body().contains("backend-unavailable") || r.body().contains(PIN)) {
                    answers.add(r.status() + " " + r.body());
                }
            }
            long seen = faulty.calls(FaultyPkcs11.C_GET_SLOT_INFO);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (faulty.calls(FaultyPkcs11.C_GET_SLOT_INFO) < seen + PROBE_TICKS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            assertThat(faulty.calls(FaultyPkcs11.C_GET_SLOT_INFO)).as("health checks by the prober")
                    .isGreaterThanOrEqualTo(seen + PROBE_TICKS);
            assertThat(answers).isEmpty();
            assertThat(faulty.calls(FaultyPkcs11.C_LOGIN)).isEqualTo(1);
            TestServer.Response ready = server.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            JsonObject store = check(ready.json(), "keystore:hsm");
            assertThat(store.getBoolean("ok")).isFalse();
            assertThat(store.getString("detail")).contains("CKR_PIN_INCORRECT").doesNotContain(PIN);
            assertThat(check(ready.json(), "backend:hsm").getString("detail")).contains("CKR_PIN_INCORRECT");
            assertThat(faulty.calls(FaultyPkcs11.C_LOGIN)).isEqualTo(1);
        }
    }

    private static TestServer.Response sign(TestServer server) {
        JsonObject body = new JsonObject().put("keyId", "rotated")
                .put("items", new JsonArray().add(new JsonObject().put("message", Hex.encode(new byte[] {1, 2, 3}))));
        return server.post("/v1/sign", body.encode(), TestServer.ADMIN);
    }

    private static JsonObject check(JsonObject ready, String name) {
        for (Object o : ready.getJsonArray("checks")) {
            JsonObject c = (JsonObject) o;
            if (name.equals(c.getString("name"))) {
                return c;
            }
        }
        throw new AssertionError("no check " + name + " in " + ready.encode());
    }

    /** Logs the application out of the token behind the service's back: its sessions stay, the login is gone. */
    private static void loseTheLogin(String label) {
        try (Pkcs11Module other = Pkcs11Module.open(SoftHsm.get().library())) {
            SessionHandle s = other.openSession(other.findToken(label).orElseThrow(), false);
            other.logout(s);
            other.closeSession(s);
        }
    }
}
