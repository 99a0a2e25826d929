package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.testing.AdversarialItems;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /v1/recover} over HTTP: own signatures, Ethereum's example transaction, and every kind of bad input. */
class RecoverEndpointTest {
    /** EIP-155's example transaction (chain id 1, key 0x4646…46): its signing hash and r ‖ s ‖ v with v = 27. */
    static final String EIP155_DIGEST = "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
    static final String EIP155_SIGNATURE = "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
            + "67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d831b";
    static final String EIP155_SENDER = "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f";
    private static final String ADMIN = TestServer.ADMIN;

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, "server: {maxBatchItems: 1000, maxBodyBytes: 1048576}");
        TestServer.Response r = server.post("/v1/keys", new JsonObject().put("keyId", "eth")
                .put("scheme", "ecdsa-secp256k1").put("store", "software").encode(), ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject recover(String body) {
        TestServer.Response r = server.post("/v1/recover", body, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonObject item(String digest, String signature) {
        return new JsonObject().put("scheme", "ecdsa-secp256k1").put("digest", digest).put("signature", signature);
    }

    @Test
    void ownRawRecoverableSignatures_recoverTheKeyAndItsAddress_andFlippedDigestsDoNot() {
        Random rnd = new Random(5);
        JsonArray toSign = new JsonArray();
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            byte[] d = new byte[32];
            rnd.nextBytes(d);
            digests.add(Hex.encode(d));
            toSign.add(new JsonObject().put("digest", Hex.encode(d)));
        }
        TestServer.Response signed = server.post("/v1/sign", new JsonObject().put("keyId", "eth")
                .put("signatureFormat", "raw-recoverable").put("items", toSign).encode(), ADMIN);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        String publicKey = signed.json().getString("publicKey");
        String uncompressed = Hex.encode(((EcPublicKey) dev.sigil.crypto.PublicKey.parse(Scheme.ECDSA_SECP256K1,
                java.util.HexFormat.of().parseHex(publicKey))).uncompressed());
        String address = Hex.encode(RecoveredKeys.ethereumAddress(
                Arrays.copyOfRange(java.util.HexFormat.of().parseHex(uncompressed), 1, 65)));
        JsonArray sigs = signed.json().getJsonArray("signatures");
        JsonArray items = new JsonArray();
        JsonArray flipped = new JsonArray();
        for (int i = 0; i < sigs.size(); i++) {
            items.add(item(digests.get(i), sigs.getString(i)));
            char[] d = digests.get(i).toCharArray();
            d[i % 64] = d[i % 64] == '0' ? '1' : '0';
            flipped.add(item(new String(d), sigs.getString(i)));
        }
        JsonObject res = recover(new JsonObject().put("rules", "low-s").put("items", items).encode());
        assertThat(res.getString("rules")).isEqualTo("low-s");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < sigs.size(); i++) {
            if (!"valid".equals(res.getJsonArray("results").getString(i))
                    || !uncompressed.equals(res.getJsonArray("publicKeys").getString(i))
                    || !address.equals(res.getJsonArray("addresses").getString(i))) {
                failures.add("item " + i);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(res.getJsonObject("backends").getInteger("cpu")).isEqualTo(500);
        JsonObject bad = recover(new JsonObject().put("items", flipped).encode());
        for (int i = 0; i < sigs.size(); i++) {
            String word = bad.getJsonArray("results").getString(i);
            assertThat(word).isIn("valid", "invalid");
            assertThat(bad.getJsonArray("publicKeys").getValue(i)).isNotEqualTo(uncompressed);
        }
    }

    @Test
    void ethereumTransaction_recoversItsSender_withDigestOrV0() {
        String v0 = EIP155_SIGNATURE.substring(0, 128) + "00";
        JsonObject res = recover(new JsonObject().put("rules", "low-s").put("items", new JsonArray()
                .add(item(EIP155_DIGEST, EIP155_SIGNATURE)).add(item(EIP155_DIGEST, v0))
                .add(item(EIP155_DIGEST, EIP155_SIGNATURE.substring(0, 128) + "1c"))).encode());
        assertThat(res.getJsonArray("results").getList()).containsExactly("valid", "valid", "valid");
        assertThat(res.getJsonArray("addresses").getString(0)).isEqualTo(EIP155_SENDER);
        assertThat(res.getJsonArray("addresses").getString(1)).isEqualTo(EIP155_SENDER);
        assertThat(res.getJsonArray("addresses").getString(2)).isNotEqualTo(EIP155_SENDER);
        assertThat(res.getJsonArray("publicKeys").getString(0)).startsWith("04").hasSize(130);
        assertThat(res.getJsonArray("problems")).isEmpty();
    }

    @Test
    void highS_isValidUnderStandard_andInvalidUnderLowS() {
        AdversarialItems gen = new AdversarialItems(Scheme.ECDSA_SECP256K1, 3, 8);
        AdversarialItems.RecoverItem it = gen.recoverItem(AdversarialItems.RecoverKind.HIGH_S);
        JsonObject item = new JsonObject().put("scheme", "ecdsa-secp256k1").put("signature",
                Hex.encode(it.item().signature()));
        if (it.item().digest() != null) {
            item.put("digest", Hex.encode(it.item().digest()));
        } else {
            item.put("message", Hex.encode(it.item().message()));
        }
        for (String rules : new String[] {"standard", "low-s"}) {
            JsonObject res = recover(new JsonObject().put("rules", rules).put("items", new JsonArray().add(item))
                    .encode());
            if (rules.equals("standard")) {
                assertThat(res.getJsonArray("results").getString(0)).isEqualTo("valid");
                assertThat(res.getJsonArray("publicKeys").getString(0))
                        .isEqualTo(Hex.encode(it.signer().uncompressed()));
            } else {
                assertThat(res.getJsonArray("results").getString(0)).isEqualTo("invalid");
                assertThat(res.getJsonArray("publicKeys").getValue(0)).isNull();
                assertThat(res.getJsonArray("addresses").getValue(0)).isNull();
            }
        }
    }

    @Test
    void badItems_areMalformedWithStableCodes_andNeverFailTheBatch() {
        String sig = EIP155_SIGNATURE;
        JsonArray items = new JsonArray()
                .add(item(EIP155_DIGEST, sig.substring(0, 128) + "1d"))
                .add(item(EIP155_DIGEST, sig.substring(0, 128)))
                .add(item(EIP155_DIGEST, sig).put("scheme", "ed25519"))
                .add(item(EIP155_DIGEST, sig).put("scheme", "rsa"))
                .add(item(EIP155_DIGEST, sig).put("publicKey", "02" + "11".repeat(32)))
                .add(item(EIP155_DIGEST, "zz"))
                .add(item(EIP155_DIGEST.substring(2), sig))
                .add(item(EIP155_DIGEST, sig).put("message", "00"))
                .add(item(EIP155_DIGEST, sig).put("signatureFormat", "der"))
                .add(new JsonObject().put("scheme", "ecdsa-secp256k1").put("digest", EIP155_DIGEST))
                .add("not an object")
                .add(item(EIP155_DIGEST, "00".repeat(32) + sig.substring(64)))
                .add(item(EIP155_DIGEST, sig));
        JsonObject res = recover(new JsonObject().put("items", items).encode());
        assertThat(res.getJsonArray("results").getList()).containsExactly("malformed", "malformed", "malformed",
                "malformed", "malformed", "malformed", "malformed", "malformed", "malformed", "malformed",
                "malformed", "invalid", "valid");
        List<String> codes = new ArrayList<>();
        res.getJsonArray("problems").forEach(p -> codes.add(((JsonObject) p).getString("code")));
        assertThat(codes).containsExactly("malformed-signature", "malformed-signature", "malformed-item",
                "unknown-scheme", "malformed-item", "malformed-hex", "malformed-digest", "message-or-digest",
                "unsupported-signature-format", "malformed-item", "malformed-item");
        assertThat(((JsonObject) res.getJsonArray("problems").getValue(0)).getString("message"))
                .isEqualTo("v must be 0, 1, 27 or 28");
        assertThat(res.getJsonArray("publicKeys").getList().subList(0, 12)).containsOnlyNulls();
        assertThat(res.getJsonObject("backends").getInteger("cpu")).isEqualTo(2);
    }

    @Test
    void badRequests_getStableErrorCodes() {
        String ok = new JsonArray().add(item(EIP155_DIGEST, EIP155_SIGNATURE)).encode();
        assertThat(server.post("/v1/recover", "{\"rules\":\"strict\",\"items\":" + ok + "}", null).errorCode())
                .isEqualTo("unknown-rules");
        assertThat(server.post("/v1/recover", "{\"items\":[]}", null).errorCode()).isEqualTo("invalid-request");
        assertThat(server.post("/v1/recover", "{\"items\":", null).errorCode()).isEqualTo("malformed-json");
        assertThat(server.post("/v1/recover", "[]", null).errorCode()).isEqualTo("invalid-request");
        TestServer.Response pinned = server.post("/v1/recover", "{\"backend\":\"nope\",\"items\":" + ok + "}", null);
        assertThat(pinned.status()).isEqualTo(422);
        assertThat(pinned.errorCode()).isEqualTo("backend-unavailable");
        JsonArray many = new JsonArray();
        for (int i = 0; i < 1001; i++) {
            many.add(item(EIP155_DIGEST, EIP155_SIGNATURE));
        }
        TestServer.Response big = server.post("/v1/recover", new JsonObject().put("items", many).encode(), null);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.errorCode()).isEqualTo("batch-too-large");
        assertThat(server.get("/v1/recover", null).errorCode()).isEqualTo("invalid-request");
        JsonObject cpuPinned = recover("{\"backend\":\"cpu\",\"items\":" + ok + "}");
        assertThat(cpuPinned.getJsonObject("backends").getInteger("cpu")).isEqualTo(1);
    }

    @Test
    void recovery_isCountedInMetrics_andListedAsAnOperation() {
        recover(new JsonObject().put("items", new JsonArray().add(item(EIP155_DIGEST, EIP155_SIGNATURE))).encode());
        String metrics = server.get("/metrics", null).body();
        assertThat(metrics).contains("sigil_recover_items_total{backend=\"cpu\",outcome=\"valid\"");
        assertThat(metrics).contains("endpoint=\"/v1/recover\"");
        JsonObject backends = server.get("/v1/backends", null).json();
        assertThat(backends.encode()).contains("recover");
    }

    /** The README's curl example, byte for byte: request and answer. */
    @Test
    void readmeExample_answersExactlyAsTheReadmeSays() {
        String body = """
                {
                  "rules": "low-s",
                  "items": [{"scheme": "ecdsa-secp256k1",
                             "digest": "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53",
                             "signature": "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa63627667cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d831b"}]}""";
        TestServer.Response r = server.post("/v1/recover", body, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"rules\":\"low-s\",\"results\":[\"valid\"],\"publicKeys\":[\"044bc2a31265153f07e"
                + "70e0bab08724e6b85e217f8cd628ceb62974247bb493382ce28cab79ad7119ee1ad3ebcdb98a16805211530ecc6cfefa1b88e6d"
                + "ff99232a\"],\"addresses\":[\"9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f\"],\"problems\":[],"
                + "\"backends\":{\"cpu\":1}}");
    }
}
