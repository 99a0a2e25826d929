package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Hex;
import dev.sigil.crypto.ProblemCode;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.testing.TestCertificates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProblemCodesTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, "");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Each case: a bad item and the problem code the contract gives it. */
    private static Map<Object, ProblemCode> cases() {
        SigningKey.Software k1 = Items.key(Scheme.ECDSA_SECP256K1);
        SigningKey.Software ed = Items.key(Scheme.ED25519);
        JsonObject ok = Items.signed(k1, "m".getBytes(StandardCharsets.UTF_8), false);
        JsonObject edOk = Items.signed(ed, "m".getBytes(StandardCharsets.UTF_8), false);
        String digest = "00".repeat(32);
        Map<Object, ProblemCode> c = new LinkedHashMap<>();
        c.put(ok.copy().put("signature", "0x30"), ProblemCode.MALFORMED_HEX);
        c.put(ok.copy().put("publicKey", "abc"), ProblemCode.MALFORMED_HEX);
        c.put(ok.copy().put("scheme", "rsa"), ProblemCode.UNKNOWN_SCHEME);
        c.put(without(ok, "scheme"), ProblemCode.UNKNOWN_SCHEME);
        c.put(ok.copy().put("publicKey", "06" + "11".repeat(64)), ProblemCode.MALFORMED_PUBLIC_KEY);
        c.put(edOk.copy().put("publicKey", "00"), ProblemCode.MALFORMED_PUBLIC_KEY);
        c.put(ok.copy().put("publicKey", "04" + "01".repeat(64)), ProblemCode.INVALID_PUBLIC_KEY);
        c.put(ok.copy().put("signature", ok.getString("signature") + "00"), ProblemCode.MALFORMED_SIGNATURE);
        c.put(ok.copy().put("signatureFormat", "raw"), ProblemCode.MALFORMED_SIGNATURE);
        c.put(ok.copy().put("signatureFormat", "bogus"), ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT);
        c.put(ok.copy().put("signatureFormat", "raw-recoverable"), ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT);
        c.put(edOk.copy().put("signatureFormat", "der"), ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT);
        c.put(without(ok, "message").put("digest", "00".repeat(31)), ProblemCode.MALFORMED_DIGEST);
        c.put(without(edOk, "message").put("digest", digest), ProblemCode.MALFORMED_DIGEST);
        c.put(ok.copy().put("digest", digest), ProblemCode.MESSAGE_OR_DIGEST);
        c.put(without(ok, "message"), ProblemCode.MESSAGE_OR_DIGEST);
        c.put(ok.copy().put("userId", "41"), ProblemCode.MALFORMED_USER_ID);
        c.put(42, ProblemCode.MALFORMED_ITEM);
        c.put(new JsonArray().add(ok), ProblemCode.MALFORMED_ITEM);
        c.put(ok.copy().put("publicKey", 12), ProblemCode.MALFORMED_ITEM);
        c.put(ok.copy().put("message", new JsonObject().put("a", 1)), ProblemCode.MALFORMED_ITEM);
        c.put(without(ok, "signature"), ProblemCode.MALFORMED_ITEM);
        c.put(without(ok, "publicKey"), ProblemCode.MALFORMED_ITEM);
        byte[] k1Cert = TestCertificates.of(Scheme.ECDSA_SECP256K1, k1.publicKey().encoded());
        c.put(ok.copy().put("certificate", Hex.encode(k1Cert)), ProblemCode.MALFORMED_ITEM);
        c.put(without(ok, "publicKey").put("certificate", "3003020100"), ProblemCode.MALFORMED_CERTIFICATE);
        c.put(without(edOk, "publicKey").put("certificate", Hex.encode(k1Cert)),
                ProblemCode.CERTIFICATE_KEY_MISMATCH);
        return c;
    }

    private static JsonObject without(JsonObject o, String field) {
        JsonObject copy = o.copy();
        copy.remove(field);
        return copy;
    }

    @Test
    void verify_everyKindOfBadItem_isMalformedWithItsStableCode_andGoodNeighboursStayValid() {
        Map<Object, ProblemCode> cases = cases();
        JsonObject good = Items.signed(Items.key(Scheme.ECDSA_P256), new byte[] {1}, false);
        JsonArray items = new JsonArray();
        List<ProblemCode> expected = new ArrayList<>();
        for (Map.Entry<Object, ProblemCode> e : cases.entrySet()) {
            items.add(e.getKey()).add(good);
            expected.add(e.getValue());
            expected.add(null);
        }
        JsonObject json = server.post("/v1/verify", Items.body(items), null).json();
        JsonArray results = json.getJsonArray("results");
        Map<Integer, String> problems = new LinkedHashMap<>();
        json.getJsonArray("problems").forEach(p -> problems.put(((JsonObject) p).getInteger("index"),
                ((JsonObject) p).getString("code")));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String want = expected.get(i) == null ? "valid" : "malformed";
            String code = expected.get(i) == null ? null : expected.get(i).code();
            if (!want.equals(results.getString(i)) || !java.util.Objects.equals(code, problems.get(i))) {
                failures.add("item " + i + " " + items.getValue(i) + ": expected " + want + "/" + code + ", got "
                        + results.getString(i) + "/" + problems.get(i));
            }
        }
        assertThat(failures).isEmpty();
        Set<ProblemCode> covered = EnumSet.copyOf(cases.values());
        assertThat(covered).containsExactlyInAnyOrder(ProblemCode.values());
        assertThat(json.getJsonArray("problems").getJsonObject(0).getString("message")).isNotBlank();
        assertThat(Hex.encode(new byte[] {1})).isEqualTo("01");
    }
}
