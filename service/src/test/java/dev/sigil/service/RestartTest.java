package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {
    @TempDir
    Path dir;

    private static JsonObject signHello(TestServer s) {
        TestServer.Response r = s.post("/v1/sign", "{\"keyId\":\"node.1\",\"items\":[{\"message\":\"68656c6c6f\"}]}",
                TestServer.ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void keys_surviveARestart_andStillSignForTheSamePublicKey() throws Exception {
        String publicKey;
        try (TestServer first = TestServer.start(dir, "")) {
            TestServer.Response created = first.post("/v1/keys",
                    "{\"keyId\":\"node.1\",\"scheme\":\"ecdsa-p256\",\"store\":\"software\"}", TestServer.ADMIN);
            assertThat(created.status()).isEqualTo(201);
            publicKey = created.json().getString("publicKey");
            assertThat(signHello(first).getString("publicKey")).isEqualTo(publicKey);
        }
        Path generated = dir.resolve("keystore.passphrase");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated))).isEqualTo("rw-------");
        try (TestServer second = TestServer.start(dir, "")) {
            assertThat(second.get("/v1/keys/node.1", TestServer.ADMIN).json().getString("publicKey"))
                    .isEqualTo(publicKey);
            JsonObject signed = signHello(second);
            JsonObject item = new JsonObject().put("scheme", "ecdsa-p256").put("publicKey", publicKey)
                    .put("message", "68656c6c6f").put("signature", signed.getJsonArray("signatures").getString(0));
            assertThat(second.post("/v1/verify", new JsonObject().put("rules", "low-s")
                    .put("items", new JsonArray().add(item)).encode(), null).json().getJsonArray("results")
                    .getList()).containsExactly("valid");
            assertThat(second.get("/health/ready", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aWrongPassphrase_leavesTheServiceRunningButNotReady() {
        String yaml = "keys: {passphrase: 'env:SIGIL_TEST_PASS', pbkdf2Iterations: 10000}";
        try (TestServer first = TestServer.start(dir, yaml, Map.of("SIGIL_TEST_PASS", "first"))) {
            assertThat(first.post("/v1/keys", "{\"keyId\":\"a\",\"scheme\":\"sm2\"}", TestServer.ADMIN).status())
                    .isEqualTo(201);
        }
        try (TestServer second = TestServer.start(dir, yaml, Map.of("SIGIL_TEST_PASS", "second"))) {
            TestServer.Response ready = second.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("keystore:software").doesNotContain("second");
            assertThat(second.get("/health/live", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aPassphraseReferenceThatResolvesToNothing_stopsTheStart_namingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServer.start(dir,
                        "keys: {passphrase: 'env:SIGIL_TEST_UNSET_VARIABLE'}"))
                .isInstanceOf(dev.sigil.service.config.ConfigException.class)
                .hasMessageContaining("keys.passphrase").hasMessageContaining("SIGIL_TEST_UNSET_VARIABLE");
    }
}
