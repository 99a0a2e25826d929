package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Hex;
import dev.sigil.service.auth.Authenticator;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthTest {
    @TempDir
    static Path dir;
    static TestServer server;

    private static String hash(String token) {
        return Hex.encode(Authenticator.sha256(token));
    }

    @BeforeAll
    static void start() {
        String yaml = """
                auth:
                  verifyOpen: false
                  tokens:
                    - {name: node, sha256: %s, roles: [verify]}
                    - {name: validators, sha256: %s, roles: [sign], keys: ["validator-*"]}
                    - {name: ops, sha256: %s, roles: [admin]}
                """.formatted(hash("node-token"), hash("signer-token"), hash("ops-token"));
        server = TestServer.start(dir, yaml);
        for (String id : new String[] {"validator-1", "treasury"}) {
            assertThat(server.post("/v1/keys", "{\"keyId\":\"" + id + "\",\"scheme\":\"ed25519\"}", "ops-token")
                    .status()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String signBody(String keyId) {
        return "{\"keyId\":\"" + keyId + "\",\"items\":[{\"message\":\"00\"}]}";
    }

    private static String verifyBody() {
        return "{\"items\":[{\"scheme\":\"ed25519\",\"publicKey\":\"00\",\"message\":\"\",\"signature\":\"00\"}]}";
    }

    @Test
    void noTokenOrAnUnknownOne_is401Unauthenticated() {
        for (String token : new String[] {null, "wrong-token", "node-token-"}) {
            for (TestServer.Response r : new TestServer.Response[] {server.post("/v1/sign", signBody("treasury"),
                    token), server.get("/v1/keys", token), server.post("/v1/verify", verifyBody(), token)}) {
                assertThat(r.status()).isEqualTo(401);
                assertThat(r.errorCode()).isEqualTo("unauthenticated");
            }
        }
    }

    @Test
    void aTokenWithoutTheRole_is403Forbidden() {
        TestServer.Response sign = server.post("/v1/sign", signBody("validator-1"), "node-token");
        assertThat(sign.status()).isEqualTo(403);
        assertThat(sign.errorCode()).isEqualTo("forbidden");
        assertThat(server.post("/v1/keys", "{\"keyId\":\"x\",\"scheme\":\"sm2\"}", "signer-token").errorCode())
                .isEqualTo("forbidden");
        assertThat(server.post("/v1/verify", verifyBody(), "ops-token").errorCode()).isEqualTo("forbidden");
        assertThat(server.get("/v1/keys", "node-token").status()).isEqualTo(403);
    }

    @Test
    void aSignTokenLimitedToAPattern_signsMatchingKeysOnly() {
        TestServer.Response ok = server.post("/v1/sign", signBody("validator-1"), "signer-token");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().getJsonArray("signatures")).hasSize(1);
        TestServer.Response other = server.post("/v1/sign", signBody("treasury"), "signer-token");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.errorCode()).isEqualTo("forbidden");
    }

    @Test
    void theRightTokens_areAccepted() {
        assertThat(server.post("/v1/verify", verifyBody(), "node-token").status()).isEqualTo(200);
        assertThat(server.get("/v1/keys", "signer-token").status()).isEqualTo(200);
        assertThat(server.get("/v1/keys", "ops-token").status()).isEqualTo(200);
        JsonObject admin = server.post("/v1/sign", signBody("treasury"), TestServer.ADMIN).json();
        assertThat(admin.getString("keyId")).isEqualTo("treasury");
    }

    @Test
    void aSignTokenLimitedToAPattern_seesOnlyTheKeysItMayUse() {
        TestServer.Response list = server.get("/v1/keys", "signer-token");
        assertThat(list.json().getJsonArray("keys").stream().map(k -> ((JsonObject) k).getString("keyId")))
                .containsExactly("validator-1");
        assertThat(server.get("/v1/keys/validator-1", "signer-token").status()).isEqualTo(200);
        TestServer.Response other = server.get("/v1/keys/treasury", "signer-token");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.errorCode()).isEqualTo("forbidden");
        assertThat(server.get("/v1/keys", "ops-token").json().getJsonArray("keys")).hasSize(2);
    }

    @Test
    void recover_followsTheVerifySetting_andRole() {
        String body = "{\"items\":[{\"scheme\":\"ecdsa-secp256k1\",\"digest\":\"" + "11".repeat(32)
                + "\",\"signature\":\"" + "22".repeat(64) + "1b\"}]}";
        assertThat(server.post("/v1/recover", body, null).errorCode()).isEqualTo("unauthenticated");
        assertThat(server.post("/v1/recover", body, "signer-token").errorCode()).isEqualTo("forbidden");
        TestServer.Response ok = server.post("/v1/recover", body, "node-token");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().getJsonArray("results").getString(0)).isIn("valid", "invalid");
    }
}
