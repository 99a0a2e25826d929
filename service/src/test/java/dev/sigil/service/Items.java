package dev.sigil.service;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.testing.AdversarialItems;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Signed verify items as request JSON; keys and signatures come from the shared seeded generator. */
final class Items {
    static final CpuBackend CPU = new CpuBackend(2);
    private static final AtomicLong KEYS = new AtomicLong();

    private Items() {
    }

    static SigningKey.Software key(Scheme scheme) {
        return AdversarialItems.key(scheme, KEYS.incrementAndGet());
    }

    /** A valid item over the message: DER for ECDSA and SM2 (raw when asked), 64 bytes for Ed25519 and BIP-340. */
    static JsonObject signed(SigningKey.Software key, byte[] message, boolean raw) {
        Scheme s = key.scheme();
        byte[] sig = AdversarialItems.sign(key, message);
        JsonObject item = new JsonObject().put("scheme", s.wireName())
                .put("publicKey", Hex.encode(key.publicKey().encoded())).put("message", Hex.encode(message));
        if (!s.isWeierstrass() || raw) {
            item.put("signature", Hex.encode(sig));
            if (raw && s.isWeierstrass()) {
                item.put("signatureFormat", "raw");
            }
        } else {
            item.put("signature", Hex.encode(EcSignature.fromRaw(sig).toDer()));
        }
        return item;
    }

    /** The same item over another message: well-formed, and invalid. */
    static JsonObject tampered(JsonObject item) {
        JsonObject copy = item.copy();
        byte[] m = Hex.decode("message", copy.getString("message"));
        byte[] changed = m.length == 0 ? new byte[] {1} : m.clone();
        changed[0] ^= 0x01;
        return copy.put("message", Hex.encode(changed));
    }

    static byte[] randomMessage(Random random) {
        byte[] m = new byte[random.nextInt(64)];
        random.nextBytes(m);
        return m;
    }

    static String body(JsonArray items, Map<String, String> top) {
        JsonObject o = new JsonObject();
        top.forEach(o::put);
        return o.put("items", items).encode();
    }

    static String body(JsonArray items) {
        return body(items, Map.of());
    }
}
