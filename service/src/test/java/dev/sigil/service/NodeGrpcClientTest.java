package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sigil.crypto.Hex;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.conformance.Vectors;
import dev.sigil.service.auth.Authenticator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client in another language: Node.js with {@code @grpc/grpc-js} and {@code @grpc/proto-loader}, loading the
 * published {@code .proto}, gets the JSON API's answers and the contract's statuses. Needs {@code node} and
 * {@code npm} (the packages are installed under {@code target/}); without them the test is skipped, or fails when
 * {@code CI=true}.
 */
class NodeGrpcClientTest {
    private static final Path NODE_DIR = Path.of("target/node-grpc").toAbsolutePath();
    private static final Path PROTO = Path.of("src/main/proto/sigil/v1/sigil.proto").toAbsolutePath();
    private static final Path SCRIPT = Path.of("src/test/node/verify-client.js").toAbsolutePath();
    private static final String NODE_TOKEN = "node-js-token";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        requireNode();
        server = TestServer.start(dir, """
                auth:
                  verifyOpen: false
                  tokens:
                    - {name: node, sha256: %s, roles: [verify]}
                """.formatted(Hex.encode(Authenticator.sha256(NODE_TOKEN))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void requireNode() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        String missing = null;
        if (run(null, NODE_DIR.getParent(), "node", "--version").exit() != 0) {
            missing = "node is not installed";
        } else if (!Files.isDirectory(NODE_DIR.resolve("node_modules/@grpc/grpc-js"))
                || !Files.isDirectory(NODE_DIR.resolve("node_modules/@grpc/proto-loader"))) {
            Files.createDirectories(NODE_DIR);
            Run npm = run(null, NODE_DIR, "npm", "install", "--no-audit", "--no-fund", "--silent", "--prefix",
                    NODE_DIR.toString(), "@grpc/grpc-js@1", "@grpc/proto-loader@0");
            if (npm.exit() != 0) {
                missing = "npm could not install @grpc/grpc-js and @grpc/proto-loader: " + npm.output();
            }
        }
        if (missing != null) {
            if (ci) {
                fail(missing + " (CI=true: this test must run)");
            }
            assumeTrue(false, missing);
        }
    }

    record Run(int exit, String output) {
    }

    private static Run run(String stdin, Path workDir, String... command) throws Exception {
        Process p;
        try {
            Files.createDirectories(workDir);
            ProcessBuilder b = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            b.environment().put("NODE_PATH", NODE_DIR.resolve("node_modules").toString());
            p = b.start();
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        }
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return new Run(-1, "timed out: " + out);
        }
        return new Run(p.exitValue(), out);
    }

    private static JsonObject nodeVerify(JsonObject request, String token) throws Exception {
        Run r = run(request.encode(), NODE_DIR, "node", SCRIPT.toString(), PROTO.toString(),
                "127.0.0.1:" + server.server.port(), token == null ? "" : token);
        assertThat(r.exit()).as(r.output()).isZero();
        String[] lines = r.output().strip().split("\n");
        return new JsonObject(lines[lines.length - 1]);
    }

    @Test
    void nodeClient_verifiesWycheproofP256_withTheJsonApisAnswers() throws Exception {
        List<Vectors.Vector> vectors = Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER);
        JsonArray grpcItems = new JsonArray();
        JsonArray jsonItems = new JsonArray();
        for (Vectors.Vector v : vectors) {
            JsonObject item = GrpcApiTest.json("ecdsa-p256", v.item());
            jsonItems.add(item);
            grpcItems.add(item.copy().put("scheme", "ECDSA_P256"));
        }
        JsonObject fromNode = nodeVerify(new JsonObject().put("rules", "low-s").put("items", grpcItems), NODE_TOKEN);
        TestServer.Response http = server.post("/v1/verify", new JsonObject().put("rules", "low-s")
                .put("items", jsonItems).encode(), NODE_TOKEN);
        assertThat(http.status()).isEqualTo(200);
        assertThat(fromNode).isEqualTo(http.json());
    }

    @Test
    void nodeClient_withoutAToken_getsUnauthenticated() throws Exception {
        JsonObject item = GrpcApiTest.json("ed25519", Vectors.wycheproof("ed25519_test.json", null).getFirst().item())
                .put("scheme", "ED25519");
        JsonObject answer = nodeVerify(new JsonObject().put("items", new JsonArray().add(item)), null);
        assertThat(answer.getJsonObject("error").getInteger("code")).isEqualTo(16); // UNAUTHENTICATED
        assertThat(answer.getJsonObject("error").getString("details")).startsWith("unauthenticated: ");
        JsonObject ok = nodeVerify(new JsonObject().put("items", new JsonArray().add(item)), NODE_TOKEN);
        assertThat(ok.getJsonArray("results").getList()).containsExactly("valid");
    }
}
