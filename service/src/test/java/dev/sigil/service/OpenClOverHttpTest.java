package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.conformance.Vectors;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.crypto.testing.Ed25519Torsion;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.gpu.OpenClBackendProvider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service with the OpenCL backend (PoCL in CI): {@code /v1/backends} lists it with its device and the four
 * schemes, and a mixed batch pinned to it gets exactly the answers of the same batch pinned to the CPU.
 */
class OpenClOverHttpTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        OpenClBackendProvider provider = new OpenClBackendProvider();
        if (!provider.isAvailable(BackendContext.defaults())) {
            String why = "no OpenCL device (apt-get install pocl-opencl-icd)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        server = TestServer.start(dir, "routing:\n  calibrate: false\n", provider);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void backends_listsOpenCl_withItsDeviceAndEveryScheme() {
        TestServer.Response r = server.get("/v1/backends", null);
        assertThat(r.status()).isEqualTo(200);
        JsonObject opencl = null;
        for (Object o : r.json().getJsonArray("backends")) {
            if ("opencl".equals(((JsonObject) o).getString("id"))) {
                opencl = (JsonObject) o;
            }
        }
        assertThat(opencl).as(r.body()).isNotNull();
        String kind = server.server.backends().get("opencl").orElseThrow().kind().wireName();
        assertThat(opencl.getString("kind")).isEqualTo(kind).isIn("cpu", "gpu");
        if (kind.equals("cpu")) {
            // PoCL runs on the host's cores: never split with the CPU backend, and said so
            assertThat(opencl.getJsonArray("sharesHardwareWith").getList()).containsExactly("cpu");
            assertThat(entry(r, "cpu").getJsonArray("sharesHardwareWith").getList()).containsExactly("opencl");
        }
        assertThat(opencl.getString("device")).isNotBlank();
        assertThat(opencl.getJsonArray("schemes").getList())
                .containsExactlyInAnyOrder("ecdsa-secp256k1", "ecdsa-p256", "sm2", "ed25519", "schnorr-secp256k1");
        assertThat(opencl.getJsonArray("operations").getList()).containsExactly("verify");
    }

    private static JsonObject entry(TestServer.Response r, String id) {
        for (Object o : r.json().getJsonArray("backends")) {
            if (id.equals(((JsonObject) o).getString("id"))) {
                return (JsonObject) o;
            }
        }
        throw new AssertionError("no backend " + id + " in " + r.body());
    }

    @Test
    void verify_pinnedToOpenCl_equalsPinnedToCpu_onAMixedBatch() {
        Random rnd = new Random(17);
        JsonArray items = new JsonArray();
        for (Scheme s : Scheme.values()) {
            SigningKey.Software key = Items.key(s);
            for (int i = 0; i < 50; i++) {
                JsonObject item = Items.signed(key, Items.randomMessage(rnd), i % 3 == 0);
                items.add(i % 4 == 1 ? Items.tampered(item) : item);
            }
        }
        items.add(new JsonObject().put("scheme", "ecdsa-p256").put("publicKey", "04").put("message", "")
                .put("signature", "30"));
        JsonObject gpu = pinned(items, "opencl");
        JsonObject cpu = pinned(items, "cpu");
        assertThat(gpu.getJsonArray("results")).isEqualTo(cpu.getJsonArray("results"));
        assertThat(gpu.getJsonArray("problems")).isEqualTo(cpu.getJsonArray("problems"));
        assertThat(gpu.getJsonArray("results").getList()).contains("valid", "invalid", "malformed");
        assertThat(gpu.getJsonObject("backends").getInteger("opencl", 0)).isPositive();
    }

    @Test
    void bip340_officialVectors_pinnedToOpenCl_areValidOrInvalidAsTheFileSays() {
        List<Vectors.Vector> vectors = Vectors.bip340().stream().map(Vectors.Bip340Vector::vector).toList();
        JsonArray items = new JsonArray();
        for (Vectors.Vector v : vectors) {
            items.add(new JsonObject().put("scheme", "schnorr-secp256k1")
                    .put("publicKey", Hex.encode(v.item().publicKey())).put("message", Hex.encode(v.item().message()))
                    .put("signature", Hex.encode(v.item().signature())));
        }
        JsonObject gpu = pinned(items, "opencl");
        List<String> failures = new java.util.ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            String expected = vectors.get(i).valid() ? "valid" : "invalid";
            if (!expected.equals(gpu.getJsonArray("results").getString(i))) {
                failures.add(vectors.get(i).name() + ": got " + gpu.getJsonArray("results").getString(i));
            }
        }
        assertThat(vectors).hasSize(19);
        assertThat(failures).isEmpty();
    }

    @Test
    void metrics_countTheItemsDecidedOnTheHost_perBackendAndScheme() {
        JsonArray items = new JsonArray();
        for (Ed25519Torsion.Crafted c : AdversarialItems.torsion(5_150L, 40)) {
            items.add(new JsonObject().put("scheme", "ed25519").put("publicKey", Hex.encode(c.item().publicKey()))
                    .put("message", Hex.encode(c.item().message())).put("signature", Hex.encode(c.item().signature())));
        }
        pinned(items, "opencl");
        String metrics = server.get("/metrics", null).body();
        java.util.regex.Matcher ed = java.util.regex.Pattern.compile(
                "sigil_verify_host_decided_total\\{backend=\"opencl\",scheme=\"ed25519\"} ([0-9.E]+)").matcher(metrics);
        assertThat(ed.find()).as(metrics).isTrue();
        assertThat(Double.parseDouble(ed.group(1))).isPositive();
        assertThat(metrics).contains("sigil_verify_host_decided_total{backend=\"opencl\",scheme=\"ecdsa-p256\"} 0.0")
                .contains("sigil_verify_host_decided_total{backend=\"cpu\",scheme=\"ed25519\"} 0.0");
    }

    private static JsonObject pinned(JsonArray items, String backend) {
        TestServer.Response r = server.post("/v1/verify", Items.body(items, Map.of("backend", backend)), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
