package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.SigningKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10 000 mixed items over HTTP give exactly what the CPU backend gives in-process. */
class BigMixedBatchTest {
    private static final int ITEMS = 10_000;
    private static final int DISTINCT = 400;

    @TempDir
    Path dir;

    @Test
    void verify_10000MixedItems_overHttp_equalTheCpuBackendInProcess() {
        Random random = new Random(20261124);
        List<JsonObject> base = new ArrayList<>();
        Scheme[] schemes = Scheme.values();
        Map<Scheme, List<SigningKey.Software>> keys = new EnumMap<>(Scheme.class);
        for (Scheme s : schemes) {
            keys.put(s, List.of(Items.key(s), Items.key(s), Items.key(s)));
        }
        for (int i = 0; i < DISTINCT; i++) {
            Scheme s = schemes[i % schemes.length];
            base.add(Items.signed(keys.get(s).get(random.nextInt(3)), Items.randomMessage(random),
                    random.nextInt(4) == 0));
        }
        JsonArray items = new JsonArray();
        for (int i = 0; i < ITEMS; i++) {
            items.add(mutate(base.get(random.nextInt(DISTINCT)), random));
        }
        List<String> expected = inProcess(items, RuleSet.LOW_S);
        try (TestServer server = TestServer.start(dir, "")) {
            TestServer.Response r = server.post("/v1/verify", Items.body(items, Map.of("rules", "low-s")), null);
            assertThat(r.status()).isEqualTo(200);
            JsonArray got = r.json().getJsonArray("results");
            assertThat(got.size()).isEqualTo(ITEMS);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                if (!expected.get(i).equals(got.getString(i))) {
                    failures.add(i + ": " + items.getValue(i) + " expected " + expected.get(i) + " got "
                            + got.getString(i));
                }
            }
            assertThat(failures).isEmpty();
            assertThat(expected).contains("valid", "invalid", "malformed");
        }
    }

    private static JsonObject mutate(JsonObject item, Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> Items.tampered(item);
            case 1 -> item.copy().put("signature", flip(item.getString("signature"), random));
            case 2 -> item.copy().put("publicKey", flip(item.getString("publicKey"), random));
            case 3 -> item.copy().put("scheme", random.nextBoolean() ? "ecdsa-p256" : "ed25519");
            default -> item.copy();
        };
    }

    private static String flip(String hex, Random random) {
        byte[] b = Hex.decode("x", hex);
        if (b.length > 0) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return Hex.encode(b);
    }

    /** The reference: the same items through VerifyBatch and the CPU backend, no HTTP. */
    private static List<String> inProcess(JsonArray items, RuleSet rules) {
        Map<Scheme, VerifyBatchBuilder> builders = new EnumMap<>(Scheme.class);
        Map<Scheme, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            JsonObject o = items.getJsonObject(i);
            Scheme s = Scheme.fromWire(o.getString("scheme")).orElseThrow();
            String fmt = o.getString("signatureFormat");
            EncodedItem e = new EncodedItem(Hex.decode("k", o.getString("publicKey")),
                    Hex.decode("m", o.getString("message")), null, Hex.decode("s", o.getString("signature")),
                    fmt == null ? null : SignatureFormat.fromWire(fmt).orElseThrow(), null);
            builders.computeIfAbsent(s, x -> VerifyBatch.builder(x, rules)).add(e);
            index.computeIfAbsent(s, x -> new ArrayList<>()).add(i);
        }
        String[] out = new String[items.size()];
        builders.forEach((s, b) -> {
            Outcome[] outcomes = Items.CPU.verify(b.build());
            List<Integer> at = index.get(s);
            for (int k = 0; k < outcomes.length; k++) {
                out[at.get(k)] = outcomes[k].verdict().wireName();
            }
        });
        return List.of(out);
    }
}
