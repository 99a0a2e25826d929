package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Hex;
import dev.sigil.hsm.HsmBackendProvider;
import dev.sigil.pkcs11.testing.SoftHsm;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key store that fails in part or as a whole does not look like missing keys: the intact keys keep signing, a key
 * whose store cannot answer is 503 {@code backend-unavailable} (not 404 {@code unknown-key}), and readiness names
 * what is degraded.
 */
class KeyStoreFailuresOverHttpTest {
    @TempDir
    Path dir;

    private static TestServer.Response sign(TestServer s, String keyId) {
        JsonObject body = new JsonObject().put("keyId", keyId)
                .put("items", new JsonArray().add(new JsonObject().put("message", "68656c6c6f")));
        return s.post("/v1/sign", body.encode(), TestServer.ADMIN);
    }

    private static void create(TestServer s, String keyId) {
        TestServer.Response r = s.post("/v1/keys", new JsonObject().put("keyId", keyId).put("scheme", "ecdsa-p256")
                .encode(), TestServer.ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static JsonObject check(TestServer.Response ready, String name) {
        for (Object o : ready.json().getJsonArray("checks")) {
            if (name.equals(((JsonObject) o).getString("name"))) {
                return (JsonObject) o;
            }
        }
        throw new AssertionError("no check " + name + " in " + ready.body());
    }

    @Test
    void damagedKeyFiles_theOtherKeysSign_theDamagedAre503_andReadinessNamesEachFile() throws Exception {
        List<String> ids = List.of("intact-1", "intact-2", "flipped", "truncated", "emptied");
        try (TestServer first = TestServer.start(dir, "")) {
            ids.forEach(id -> create(first, id));
        }
        Path keys = dir.resolve("keys");
        flipOneBitOfTheSealedKey(keys.resolve("flipped.key"));
        byte[] whole = Files.readAllBytes(keys.resolve("truncated.key"));
        Files.write(keys.resolve("truncated.key"), Arrays.copyOf(whole, whole.length / 2));
        Files.write(keys.resolve("emptied.key"), new byte[0]);
        Files.writeString(keys.resolve("README.key"), "Keys of the validators live here.\n");

        try (TestServer second = TestServer.start(dir, "")) {
            List<String> wrong = new ArrayList<>();
            for (String id : ids) {
                TestServer.Response r = sign(second, id);
                boolean intact = id.startsWith("intact");
                if (intact ? r.status() != 200 : r.status() != 503 || !r.body().contains("backend-unavailable")) {
                    wrong.add(id + ": " + r.status() + " " + r.body());
                }
            }
            TestServer.Response unknown = sign(second, "never-made");
            assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
            assertThat(second.get("/v1/keys/flipped", TestServer.ADMIN).status()).isEqualTo(503);
            TestServer.Response again = second.post("/v1/keys", new JsonObject().put("keyId", "emptied")
                    .put("scheme", "ed25519").encode(), TestServer.ADMIN);
            assertThat(again.status()).as("a damaged key file is never overwritten").isNotEqualTo(201);
            assertThat(Files.size(keys.resolve("emptied.key"))).isZero();
            assertThat(wrong).isEmpty();

            JsonArray listed = second.get("/v1/keys", TestServer.ADMIN).json().getJsonArray("keys");
            assertThat(listed.stream().map(k -> ((JsonObject) k).getString("keyId")))
                    .containsExactly("intact-1", "intact-2");
            TestServer.Response ready = second.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            JsonObject damaged = check(ready, "keystore:software:damaged");
            assertThat(damaged.getBoolean("ok")).isFalse();
            assertThat(damaged.getString("detail")).contains("flipped.key", "truncated.key", "emptied.key",
                    "README.key").doesNotContain("intact");
        }
    }

    /** Flips one bit in the middle of the last long hex value of the file (the sealed private key). */
    private static void flipOneBitOfTheSealedKey(Path file) throws Exception {
        String text = Files.readString(file);
        Matcher m = Pattern.compile("[0-9a-f]{64,}").matcher(text);
        int start = -1;
        int end = -1;
        while (m.find()) {
            start = m.start();
            end = m.end();
        }
        int at = (start + end) / 2;
        char flipped = Character.forDigit(Character.digit(text.charAt(at), 16) ^ 1, 16);
        Files.writeString(file, text.substring(0, at) + flipped + text.substring(at + 1));
    }

    @Test
    void keyIdsDotAndDotDot_are400InvalidRequest() {
        try (TestServer s = TestServer.start(dir, "")) {
            for (String id : List.of(".", "..")) {
                TestServer.Response r = s.post("/v1/keys", new JsonObject().put("keyId", id).put("scheme", "ed25519")
                        .encode(), TestServer.ADMIN);
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.json().getJsonObject("error").getString("code")).isEqualTo("invalid-request");
                TestServer.Response signed = sign(s, id);
                assertThat(signed.status()).as(signed.body()).isEqualTo(400);
            }
        }
    }

    @Test
    void softwareStoreNotLoaded_anyKeyIs503_notUnknown() {
        String yaml = "keys: {passphrase: 'env:SIGIL_TEST_PASS', pbkdf2Iterations: 10000}";
        try (TestServer first = TestServer.start(dir, yaml, Map.of("SIGIL_TEST_PASS", "first"))) {
            create(first, "a");
        }
        try (TestServer second = TestServer.start(dir, yaml, Map.of("SIGIL_TEST_PASS", "second"))) {
            for (String id : List.of("a", "b")) {
                TestServer.Response r = sign(second, id);
                assertThat(r.status()).as(r.body()).isEqualTo(503);
                assertThat(r.body()).contains("backend-unavailable").doesNotContain("second");
            }
        }
    }

    @Test
    void hsmConfiguredButNotStarted_keysNotInTheSoftwareStoreAre503_andReadinessSaysWhy() throws Exception {
        Path pin = dir.resolve("hsm.pin");
        Files.writeString(pin, "1234\n");
        String yaml = "hsm:\n  module: " + SoftHsm.get().library() + "\n  tokenLabel: no-such-token-"
                + Hex.encode(new byte[] {1, 2, 3}) + "\n  pin: file:" + pin + "\n";
        try (TestServer s = TestServer.start(dir.resolve("data"), "")) {
            create(s, "soft-1");
        }
        try (TestServer s = TestServer.start(dir.resolve("data"), yaml, new HsmBackendProvider())) {
            assertThat(sign(s, "soft-1").status()).isEqualTo(200);
            TestServer.Response taken = s.post("/v1/keys", new JsonObject().put("keyId", "maybe-in-the-hsm")
                    .put("scheme", "ed25519").encode(), TestServer.ADMIN);
            assertThat(taken.status()).as("an id the HSM may hold is not given away").isEqualTo(503);
            TestServer.Response hsmKey = sign(s, "validator-in-the-hsm");
            assertThat(hsmKey.status()).as(hsmKey.body()).isEqualTo(503);
            assertThat(hsmKey.body()).contains("backend-unavailable");
            TestServer.Response ready = s.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            JsonObject store = check(ready, "keystore:hsm");
            assertThat(store.getBoolean("ok")).isFalse();
            assertThat(store.getString("detail")).contains("failed to start").contains("no-such-token");
        }
    }
}
