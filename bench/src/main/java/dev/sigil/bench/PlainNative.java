package dev.sigil.bench;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.XOnlyPublicKey;
import dev.sigil.secp256k1.Secp256k1;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The native baseline: the best native library of a scheme used directly, the way a node would without Sigil, over
 * inputs prepared outside the timed loop (keys decoded once, digests precomputed). secp256k1: libsecp256k1 through
 * the project's binding (parse compact, normalize, verify), BIP-340 Schnorr: libsecp256k1's
 * {@code schnorrsig_verify} on x-only keys parsed once; P-256 and Ed25519: AWS-LC through the Amazon Corretto
 * Crypto Provider's JCA {@code Signature} (one per thread, {@code initVerify} per item). SM2 has none.
 */
final class PlainNative implements Baselines.Loop {
    private final Scheme scheme;
    private final String library;
    private final int size;
    private Secp256k1 secp256k1;
    private Secp256k1.Pubkey[] k1Keys;
    private Secp256k1.XonlyPubkey[] xOnlyKeys;
    private PublicKey[] jcaKeys;
    private byte[][] digests;
    private byte[][] signatures;
    private byte[][] messages;
    private byte[][] rs;
    private ThreadLocal<Signature> verifier;

    private PlainNative(Scheme scheme, List<AdversarialItems.Signed> items) throws GeneralSecurityException {
        this.scheme = scheme;
        this.size = items.size();
        digests = new byte[size][];
        signatures = new byte[size][];
        messages = new byte[size][];
        rs = new byte[size][];
        for (int i = 0; i < size; i++) {
            AdversarialItems.Signed it = items.get(i);
            messages[i] = it.message();
            signatures[i] = it.encodedSignature();
            if (scheme.isEcdsa()) {
                digests[i] = Hashes.sha256(it.message());
                rs[i] = EcSignature.fromDer(signatures[i]).toRaw();
            }
        }
        if (scheme == Scheme.SCHNORR_SECP256K1) {
            secp256k1 = Secp256k1.bundled(Path.of(System.getProperty("user.home"), ".cache", "sigil", "native"));
            library = secp256k1.description();
            xOnlyKeys = new Secp256k1.XonlyPubkey[size];
            Map<XOnlyPublicKey, Secp256k1.XonlyPubkey> decoded = new HashMap<>();
            for (int i = 0; i < size; i++) {
                XOnlyPublicKey pub = (XOnlyPublicKey) items.get(i).key().publicKey();
                xOnlyKeys[i] = decoded.computeIfAbsent(pub,
                        p -> secp256k1.parseXonlyPublicKey(p.encoded()).orElseThrow());
            }
            return;
        }
        if (scheme == Scheme.ECDSA_SECP256K1) {
            secp256k1 = Secp256k1.bundled(Path.of(System.getProperty("user.home"), ".cache", "sigil", "native"));
            library = secp256k1.description();
            k1Keys = new Secp256k1.Pubkey[size];
            Map<EcPublicKey, Secp256k1.Pubkey> decoded = new HashMap<>();
            for (int i = 0; i < size; i++) {
                EcPublicKey pub = (EcPublicKey) items.get(i).key().publicKey();
                k1Keys[i] = decoded.computeIfAbsent(pub, p -> secp256k1.parsePublicKey(p.compressed()).orElseThrow());
            }
            return;
        }
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        accp.assertHealthy();
        library = accp.getAwsLcVersionStr() + " (ACCP " + accp.getVersionStr() + ")";
        jcaKeys = new PublicKey[size];
        Map<Object, PublicKey> decoded = new HashMap<>();
        if (scheme == Scheme.ECDSA_P256) {
            java.security.AlgorithmParameters params = java.security.AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
            KeyFactory kf = KeyFactory.getInstance("EC", accp);
            for (int i = 0; i < size; i++) {
                EcPublicKey pub = (EcPublicKey) items.get(i).key().publicKey();
                PublicKey k = decoded.get(pub);
                if (k == null) {
                    k = kf.generatePublic(new ECPublicKeySpec(new ECPoint(pub.x(), pub.y()), spec));
                    decoded.put(pub, k);
                }
                jcaKeys[i] = k;
            }
            verifier = ThreadLocal.withInitial(() -> signature("NONEwithECDSA", accp));
        } else {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            byte[] prefix = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
            for (int i = 0; i < size; i++) {
                byte[] enc = items.get(i).key().publicKey().encoded();
                PublicKey k = decoded.get(java.nio.ByteBuffer.wrap(enc));
                if (k == null) {
                    byte[] spki = java.util.Arrays.copyOf(prefix, 44);
                    System.arraycopy(enc, 0, spki, 12, 32);
                    k = kf.generatePublic(new X509EncodedKeySpec(spki));
                    decoded.put(java.nio.ByteBuffer.wrap(enc), k);
                }
                jcaKeys[i] = k;
            }
            verifier = ThreadLocal.withInitial(() -> signature("Ed25519", accp));
        }
    }

    /** The native loop of a scheme, or empty (SM2, or the library does not load here: the reason is noted). */
    static Optional<PlainNative> of(Scheme scheme, List<AdversarialItems.Signed> items, List<String> notes) {
        if (scheme == Scheme.SM2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PlainNative(scheme, items));
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            notes.add("plain native loop for " + scheme.wireName() + " not run: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Signature signature(String algorithm, AmazonCorrettoCryptoProvider p) {
        try {
            return Signature.getInstance(algorithm, p);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String library() {
        return library;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int verify(int from, int to) {
        int valid = 0;
        if (xOnlyKeys != null) {
            Secp256k1.Workspace w = secp256k1.workspace();
            for (int i = from; i < to; i++) {
                valid += w.verifySchnorr(xOnlyKeys[i], signatures[i], 0, messages[i], 0, messages[i].length) ? 1 : 0;
            }
            return valid;
        }
        if (secp256k1 != null) {
            Secp256k1.Workspace w = secp256k1.workspace();
            for (int i = from; i < to; i++) {
                valid += w.verifyEcdsa(k1Keys[i], digests[i], 0, rs[i], 0, rs[i], 32) ? 1 : 0;
            }
            return valid;
        }
        Signature v = verifier.get();
        try {
            for (int i = from; i < to; i++) {
                v.initVerify(jcaKeys[i]);
                if (scheme == Scheme.ECDSA_P256) {
                    v.update(digests[i]);
                } else {
                    v.update(messages[i]);
                }
                valid += v.verify(signatures[i]) ? 1 : 0;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return valid;
    }
}
