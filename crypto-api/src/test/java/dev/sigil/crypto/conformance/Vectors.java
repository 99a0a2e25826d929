package dev.sigil.crypto.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.SignatureFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The project's test vectors (copied from the shared set into this test-jar), read as encoded items. */
public final class Vectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One vector: a named item and whether the file says it is valid. */
    public record Vector(String name, EncodedItem item, boolean valid) {
    }

    private Vectors() {
    }

    public static JsonNode load(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /vectors/" + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wycheproof ECDSA P-256 (DER or P1363) or Ed25519: every test of every group. */
    public static List<Vector> wycheproof(String file, SignatureFormat format) {
        JsonNode root = load("wycheproof/" + file);
        List<Vector> out = new ArrayList<>();
        for (JsonNode group : root.get("testGroups")) {
            JsonNode pk = group.get("publicKey");
            byte[] key = Hex.decode("publicKey", pk.has("pk") ? pk.get("pk").asText() : pk.get("uncompressed").asText());
            for (JsonNode t : group.get("tests")) {
                String result = t.get("result").asText();
                if (result.equals("acceptable")) {
                    continue;
                }
                EncodedItem item = EncodedItem.ofMessage(key, Hex.decode("msg", t.get("msg").asText()),
                        Hex.decode("sig", t.get("sig").asText())).withFormat(format);
                out.add(new Vector(file + "#" + t.get("tcId").asInt() + " " + t.get("comment").asText(), item,
                        result.equals("valid")));
            }
        }
        return out;
    }

    /** One row of the BIP-340 vector file: the signer's inputs (secret key and aux may be absent) and the item. */
    public record Bip340Vector(int index, byte[] secretKey, byte[] aux, Vector vector) {
    }

    /** The 19 official BIP-340 vectors, each as a schnorr-secp256k1 item over its message. */
    public static List<Bip340Vector> bip340() {
        List<String> lines;
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/bip340/test-vectors.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /vectors/bip340/test-vectors.csv");
            }
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Bip340Vector> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            int index = Integer.parseInt(f[0]);
            EncodedItem item = EncodedItem.ofMessage(Hex.decode("public key", f[2]), Hex.decode("message", f[4]),
                    Hex.decode("signature", f[5]));
            String name = "bip340#" + index + (f[7].isEmpty() ? "" : " " + f[7]);
            out.add(new Bip340Vector(index, f[1].isEmpty() ? null : Hex.decode("secret key", f[1]),
                    f[3].isEmpty() ? null : Hex.decode("aux", f[3]), new Vector(name, item, f[6].equals("TRUE"))));
        }
        return out;
    }

    /** The SM2 example of GM/T 0003.5 Annex A, in DER and raw form. */
    public static List<Vector> sm2Example() {
        JsonNode root = load("sm2/gmt0003_example.json");
        byte[] key = Hex.decode("publicKey", root.get("publicKey").get("uncompressed").asText());
        List<Vector> out = new ArrayList<>();
        for (JsonNode t : root.get("tests")) {
            byte[] uid = Hex.decode("uid", t.get("uid").asText());
            byte[] msg = Hex.decode("msg", t.get("msg").asText());
            boolean valid = t.get("result").asText().equals("valid");
            String name = "sm2#" + t.get("tcId").asInt();
            out.add(new Vector(name + " der", EncodedItem.ofMessage(key, msg, Hex.decode("sig", t.get("sig").asText()))
                    .withUserId(uid), valid));
            out.add(new Vector(name + " raw", EncodedItem.ofMessage(key, msg,
                    Hex.decode("sigP1363", t.get("sigP1363").asText())).withUserId(uid)
                    .withFormat(SignatureFormat.RAW), valid));
        }
        return out;
    }
}
