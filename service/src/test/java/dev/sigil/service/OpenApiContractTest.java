package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Hex;
import dev.sigil.service.auth.Authenticator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document served at {@code /v1/openapi.json} stays true: real answers of every documented operation,
 * successes and errors, are validated against the schema the document gives for that path, method and status; an
 * answer whose status the document does not list fails, and so does an operation of the document that the test
 * never reached.
 */
class OpenApiContractTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static JsonObject doc;
    static final List<String> failures = new ArrayList<>();
    static final Set<String> reached = new TreeSet<>();

    @BeforeAll
    static void start() {
        String yaml = """
                server:
                  maxBatchItems: 4
                auth:
                  tokens:
                    - {name: node, sha256: %s, roles: [verify]}
                """.formatted(Hex.encode(Authenticator.sha256("node-token")));
        server = TestServer.start(dir, yaml);
        TestServer.Response r = server.get("/v1/openapi.json", null);
        assertThat(r.status()).isEqualTo(200);
        doc = r.json();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servedDocument_isTheShippedOne_andOpenApi31() throws Exception {
        try (InputStream in = dev.sigil.service.http.OpsHandler.class.getResourceAsStream("openapi.json")) {
            assertThat(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8))).isEqualTo(doc);
        }
        assertThat(doc.getString("openapi")).startsWith("3.1.");
    }

    @Test
    void everyOperation_answersAsDocumented() {
        String admin = TestServer.ADMIN;
        // keys
        check("post", "/v1/keys", "/v1/keys", key("k1", "ecdsa-secp256k1"), admin, 201);
        check("post", "/v1/keys", "/v1/keys", key("k1", "ecdsa-secp256k1"), admin, 409);
        check("post", "/v1/keys", "/v1/keys", key("k2", "ed25519"), admin, 201);
        check("post", "/v1/keys", "/v1/keys", key("k3", "ed25519"), "node-token", 403);
        check("post", "/v1/keys", "/v1/keys", "{\"keyId\": 5}", admin, 400);
        check("get", "/v1/keys", "/v1/keys", null, admin, 200);
        check("get", "/v1/keys", "/v1/keys", null, null, 401);
        check("get", "/v1/keys/{keyId}", "/v1/keys/k1", null, admin, 200);
        check("get", "/v1/keys/{keyId}", "/v1/keys/none", null, admin, 404);
        // sign, then verify what was signed
        JsonObject signed = check("post", "/v1/sign", "/v1/sign", new JsonObject().put("keyId", "k1")
                .put("items", new JsonArray().add(new JsonObject().put("message", "6869"))).encode(), admin, 200);
        check("post", "/v1/sign", "/v1/sign", "{\"keyId\":\"none\",\"items\":[{\"message\":\"\"}]}", admin, 404);
        check("post", "/v1/sign", "/v1/sign", "{\"keyId\":\"k1\",\"items\":[{\"message\":\"\"}]}", null, 401);
        check("post", "/v1/sign", "/v1/sign", "{\"keyId\":\"k1\",\"items\":[{\"message\":\"\"}]}", "node-token", 403);
        check("post", "/v1/sign", "/v1/sign", "{\"keyId\":\"k1\",\"items\":[{\"message\":\"zz\"}]}", admin, 400);
        JsonObject item = new JsonObject().put("scheme", "ecdsa-secp256k1")
                .put("publicKey", signed.getString("publicKey")).put("message", "6869")
                .put("signature", signed.getJsonArray("signatures").getString(0));
        JsonObject verified = check("post", "/v1/verify", "/v1/verify", new JsonObject().put("rules", "low-s")
                .put("items", new JsonArray().add(item).add(item.copy().put("message", "68"))
                        .add(item.copy().put("signature", "30"))).encode(), null, 200);
        assertThat(verified.getJsonArray("results")).containsExactly("valid", "invalid", "malformed");
        String one = new JsonObject().put("items", new JsonArray().add(item)).encode();
        check("post", "/v1/verify", "/v1/verify", "{\"items\": [", null, 400);
        check("post", "/v1/verify", "/v1/verify", new JsonObject(one).put("rules", "loose").encode(), null, 400);
        check("post", "/v1/verify", "/v1/verify", new JsonObject(one).put("backend", "nowhere").encode(), null, 422);
        JsonArray five = new JsonArray();
        for (int i = 0; i < 5; i++) {
            five.add(item);
        }
        check("post", "/v1/verify", "/v1/verify", new JsonObject().put("items", five).encode(), null, 413);
        // operations
        check("get", "/v1/backends", "/v1/backends", null, null, 200);
        check("get", "/v1/openapi.json", "/v1/openapi.json", null, null, 200);
        check("get", "/health/live", "/health/live", null, null, 200);
        check("get", "/health/ready", "/health/ready", null, null, 200);
        check("get", "/metrics", "/metrics", null, null, 200);

        assertThat(failures).isEmpty();
        Set<String> documented = new TreeSet<>();
        doc.getJsonObject("paths").forEach(p -> ((JsonObject) p.getValue()).fieldNames()
                .forEach(m -> documented.add(m + " " + p.getKey())));
        assertThat(reached).as("operations of the document the test reached").isEqualTo(documented);
    }

    private static String key(String id, String scheme) {
        return new JsonObject().put("keyId", id).put("scheme", scheme).put("store", "software").encode();
    }

    /** Sends the request, checks the status and validates the body against the documented schema. */
    private static JsonObject check(String method, String template, String path, String body, String token,
            int expectedStatus) {
        TestServer.Response r = method.equals("get") ? server.get(path, token) : server.post(path, body, token);
        reached.add(method + " " + template);
        String what = method.toUpperCase() + " " + path + " -> " + r.status();
        if (r.status() != expectedStatus) {
            failures.add(what + ", expected " + expectedStatus + ": " + r.body());
            return null;
        }
        JsonObject op = doc.getJsonObject("paths").getJsonObject(template).getJsonObject(method);
        JsonObject response = op.getJsonObject("responses").getJsonObject(Integer.toString(r.status()));
        if (response == null) {
            failures.add(what + ": status not documented");
            return null;
        }
        JsonObject content = response.getJsonObject("content");
        if (content.containsKey("text/plain")) {
            assertThat(r.body()).isNotEmpty();
            return null;
        }
        JsonObject instance = new JsonObject(r.body());
        OutputUnit u = validate(content.getJsonObject("application/json").getJsonObject("schema"), instance);
        if (!u.getValid()) {
            failures.add(what + " does not match its schema: " + u.getErrors() + " body " + r.body());
        }
        return instance;
    }

    /** Validates against a schema of the document, its {@code #/components/...} references resolved. */
    private static OutputUnit validate(JsonObject schema, Object instance) {
        JsonObject root = new JsonObject().put("components", doc.getJsonObject("components"))
                .put("allOf", new JsonArray().add(schema));
        return Validator.create(JsonSchema.of(root), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
                .setBaseUri("https://sigil.invalid/openapi.json").setOutputFormat(OutputFormat.Basic))
                .validate(instance);
    }

    @Test
    void validation_rejectsAnswersThatBreakTheDocument() {
        JsonObject keyList = new JsonObject().put("$ref", "#/components/schemas/KeyList");
        assertThat(validate(keyList, new JsonObject().put("keys", new JsonArray())).getValid()).isTrue();
        assertThat(validate(keyList, new JsonObject().put("keys", new JsonArray().add(new JsonObject()
                .put("keyId", "a").put("scheme", "rsa").put("publicKey", "00").put("store", "software"))))
                .getValid()).as("an unknown scheme, through two references").isFalse();
        JsonObject error = new JsonObject().put("$ref", "#/components/schemas/Error");
        assertThat(validate(error, new JsonObject().put("error", new JsonObject().put("code", "teapot")
                .put("message", ""))).getValid()).isFalse();
    }
}
