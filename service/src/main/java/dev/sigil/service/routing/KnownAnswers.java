package dev.sigil.service.routing;

import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.XOnlyPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Small batches whose answers are known, for probing a backend and timing it: per scheme, {@link #PAIRS} fixed
 * signatures made once on the CPU reference backend (valid; BIP-340 ones with all-zero auxiliary randomness) and the same signatures over altered messages (invalid).
 * Message i is the 32 + i bytes 32i, 32i + 1, ...; its altered form has bit 0 of byte i flipped.
 */
final class KnownAnswers {
    /** Valid items per scheme (as many invalid ones follow). */
    static final int PAIRS = 4;

    /** Per scheme: the public key, then the signature of each message. */
    private static final Map<Scheme, List<String>> DATA = Map.of(
            Scheme.ECDSA_SECP256K1, List.of(
            "03b0b10dce3c841576e640b44d75df9e4079045c9e3ea89f553e0c278509a20b88",
            "a4ac8e7266a5c4e78b0cc9a7a358d173022593fd4d040fd5c95b8d88fe0c98b524f12474fa3347369ee4ed7938d1e490740af65be9d7542ad956878d41e2f9f9",
            "45b981482abcd0f81e79716f2b48c0e731624e85c8cb798ba42cccd664a9d3f9151fe54cd7789fe7add1a00e24c68bdb3289545d6ca260bb60155e2a87a12d8c",
            "5019d31622af94f2678e5f994a4a230db4753dbc61aa05555f7fc45213f703c66153f6864d55fa95e6c08504b74bd2a9c9e51378802cff9f964a9de6014dd04b",
            "9a90c08703283e7867209c63cc7279b23fa9b02bfcfda8a952a3a98ca8f355404b6ed35a67a9f9eaf7106a5f659ece832a598bcd11e54f0fba0610bc14f5bbac"),
            Scheme.ECDSA_P256, List.of(
            "03ba89eb7b58fa96513f1f307dde02204a7fa498b4331d34006854995ad248216a",
            "47007f8115fa8d8ad2510be5300cc28407a661cce0082767dd3bae8ab55e75ec408acf79c43ff728f3e0a1071ee5a99860a0f923d0f7e7bbe4ab71a197bc4da4",
            "79ee9c01a5555ae53b6c0070feb3b1184a5d7c05584e79c0a60127e2aa1096bb4fab6955644f02b3c26051f53ddd38403fca278e43e936274fa345654cf19c43",
            "b332bb75a5d9d3f9935f651a2580a5523040b54a9031a412ae407dcb6e34657f473d46f8e7cfbd9178a439329fa8809db8ed29272d75e77e75cfd97acc9c172d",
            "1c66b400b722d44058042aec22a70171de7d7c1041d5578800a43177c67e44e507667454befb5c4e7fa420a27d61d0f833f3b53b8027e8db295c1a9f932c5f57"),
            Scheme.SM2, List.of(
            "03d01ee943a94189f53b0adb75dabe3eabd693e2854c1a4720ba181cf1ff3b336a",
            "fb574038d0ee53742a5c07285d3be862a4eab1548c830a3071349edf39d33e44234e92f694afd7e06ea70b24ed5b2fd66b5db5e61035f73982becfa2139f8001",
            "c613e09bc9ccf13c14273c17b041ebb57c34e661b93beadc30c1ac4ecdabed00e611bae58a45d8e23f539391db649550d01362497a78b39706aab9b70482a091",
            "f9de6f7cefffa0e820ae309060689f948dcde35c53078a3a24a54cb82291498ba104c132b9f4d012acbed0cc220e72c0af572e6e9e21281c7eb9aa92e7709a31",
            "1fe8bfec3cc9cfbc552337e785ad381ba74ae2bca41556b52c4a81dd3de59c3f718246ff0d6986b5b5bb5b3b7c804fb0d882409b1eaee0de007fef5ef17eff10"),
            Scheme.ED25519, List.of(
            "92f41e12e4bd76f0f7f68f2d558c83b45381166218b6c561f3b30bf11bf232a0",
            "640499f24e251f2bc79dbba184e954ca9adaf2cfd4d85715ba5970477bdfb3cdb128eea89cf92082d452fad74879b31b2bfee42972e4878d23efb6cb99787900",
            "c325470ef0e5b553642ced2fef68d93501e61a9d27abc8bc7cab0ab86fc92c613af57757a5e3915d2d1b05e4e0b271489bd356d01e5b86f077bf6dcf0254470a",
            "e192df45ae966a00957da1de558924cd457b69523fac13061fbad1ac945cd7fb8f75e0fa42a1086409badab6ecd7afa3953a8de516f31e41ed82c390afb7dd02",
            "fd2aa0e7a660f4e2740a09c9f7a3abfb1009042ddd1c9c7ca0e4cb38e0605d507d8f09d80d920d01c16c1e8568f640ece772fef8e07d34513d3c11518e8d2d09"),
            Scheme.SCHNORR_SECP256K1, List.of(
            "f9a348ad15c9aa70157cef923c1c070d1c7261f67a024c563c6c9a91f4e748f7",
            "545edbf75db155acb13732fcfb4510f28b7d26b1c71abb5a3deeea442346b0bfc7f22cc3fba6a49aa8622c6e0ccb947ec3043699a0dadd458307512037796e75",
            "570f1a17a53065c12950ee32fce50fe213432e083ba361f7aa34065f6f68df167190b3ee5b4321e8b21b20350c232c6f0035dce54e20d53bbc79090916417a17",
            "00ff443ba0cfd02a4537944d165f68882681b36c94423070306391e23c84a2bb7b0629b512f790451c1ba7035bc39d40341f78ea698f4d0cfb2f65facc1b8f4d",
            "f4bdf331286f50cb5e44769b6dd23f203d002d6cfdb2675bd921d9a489c39603076530f75a16c481ed35ca64c064524da97e80dbe76fc9c5b43175f047e62517"));

    private record Item(PublicKey key, byte[] digestOrMessage, byte[] signature, boolean valid) {
    }

    private final Map<Scheme, List<Item>> items = new EnumMap<>(Scheme.class);

    private KnownAnswers() {
    }

    /** The known answers of every scheme. */
    static KnownAnswers create() {
        KnownAnswers ka = new KnownAnswers();
        for (Scheme scheme : Scheme.values()) {
            List<String> data = DATA.get(scheme);
            PublicKey key = PublicKey.parse(scheme, Hex.decode("key", data.getFirst()));
            List<Item> valid = new ArrayList<>();
            List<Item> invalid = new ArrayList<>();
            for (int i = 0; i < PAIRS; i++) {
                byte[] message = new byte[32 + i];
                for (int j = 0; j < message.length; j++) {
                    message[j] = (byte) (32 * i + j);
                }
                byte[] sig = Hex.decode("signature", data.get(i + 1));
                byte[] altered = message.clone();
                altered[i] ^= 1;
                valid.add(new Item(key, signedInput(scheme, key, message), sig, true));
                invalid.add(new Item(key, signedInput(scheme, key, altered), sig, false));
            }
            valid.addAll(invalid);
            ka.items.put(scheme, List.copyOf(valid));
        }
        return ka;
    }

    private static byte[] signedInput(Scheme scheme, PublicKey key, byte[] message) {
        return scheme == Scheme.ED25519 || scheme == Scheme.SCHNORR_SECP256K1 ? message
                : Hashes.signedDigest(scheme, (EcPublicKey) key, Sm2.DEFAULT_USER_ID, message);
    }

    /** The known-answer batch of a scheme: {@link #PAIRS} valid items, then as many invalid ones. */
    VerifyBatch batch(Scheme scheme) {
        return tiled(scheme, items.get(scheme).size());
    }

    /** What {@link #batch} must give. */
    Outcome[] expected(Scheme scheme) {
        return items.get(scheme).stream().map(i -> Outcome.of(i.valid())).toArray(Outcome[]::new);
    }

    /** {@code n} items of the scheme, all pending, cycling through the known answers. */
    VerifyBatch tiled(Scheme scheme, int n) {
        List<Item> list = items.get(scheme);
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, RuleSet.STANDARD, n);
        for (int i = 0; i < n; i++) {
            Item it = list.get(i % list.size());
            if (scheme == Scheme.ED25519) {
                b.addEd25519((Ed25519PublicKey) it.key(), it.digestOrMessage(), it.signature());
            } else if (scheme == Scheme.SCHNORR_SECP256K1) {
                b.addSchnorr((XOnlyPublicKey) it.key(), it.digestOrMessage(), it.signature());
            } else {
                b.addEc((EcPublicKey) it.key(), it.digestOrMessage(), EcSignature.fromRaw(it.signature()));
            }
        }
        return b.build();
    }

    /** True when the outcomes are exactly the expected ones. */
    boolean matches(Scheme scheme, Outcome[] outcomes) {
        return Arrays.equals(expected(scheme), outcomes);
    }
}
