package dev.sigil.cpu;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * ECDSA P-256 and Ed25519 with AWS-LC through the Amazon Corretto Crypto Provider (JCA): keys decoded once and
 * cached, one {@code NONEwithECDSA} and one {@code Ed25519} {@link Signature} per thread, re-initialized only when
 * the key changes (a JCA verifier returns to its initialized state after each {@code verify}).
 *
 * <p>Where AWS-LC's rules differ from the reference: its Ed25519 check is cofactorless ([S]B = R + [k]A), Bouncy
 * Castle's is cofactored; every signature the cofactorless equation accepts satisfies the cofactored one, so an item
 * AWS-LC accepts is valid, and an item it rejects is re-checked by Bouncy Castle, whose answer stands (honest traffic
 * never pays for this). For P-256 the digest is taken as it is (32 bytes for a 256-bit order, as Bouncy Castle
 * does), high S is acceptable to both (the rule set decides), and (r, s) reaches AWS-LC as the minimal DER this
 * class writes. Signing is the reference's: deterministic signatures stay byte-identical (ACCP's ECDSA nonces are
 * random).
 */
final class AwsLcEngine implements Engine {
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21,
        0x00};

    private final AmazonCorrettoCryptoProvider provider;
    private final BouncyCastleEngine reference;
    private final String library;
    private final ECParameterSpec p256;
    private final KeyFactory ecKeys;
    private final KeyFactory edKeys;
    private final DecodedKeyCache<EcPublicKey, PublicKey> ecCache;
    private final DecodedKeyCache<Ed25519PublicKey, PublicKey> edCache;
    private final ThreadLocal<PerThread> perThread;

    private AwsLcEngine(AmazonCorrettoCryptoProvider provider, BouncyCastleEngine reference) throws GeneralSecurityException {
        this.provider = provider;
        this.reference = reference;
        this.library = provider.getAwsLcVersionStr() + " (Amazon Corretto Crypto Provider "
                + provider.getVersionStr() + ")";
        java.security.AlgorithmParameters params = java.security.AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        this.p256 = params.getParameterSpec(ECParameterSpec.class);
        this.ecKeys = KeyFactory.getInstance("EC", provider);
        this.edKeys = KeyFactory.getInstance("Ed25519");
        this.ecCache = new DecodedKeyCache<>(16_384, this::ecKey);
        this.edCache = new DecodedKeyCache<>(16_384, this::edKey);
        this.perThread = ThreadLocal.withInitial(this::newPerThread);
    }

    /**
     * Loads ACCP and checks it is healthy.
     *
     * @throws LinkageError or {@link RuntimeException} when the provider or its native library cannot be loaded
     */
    static AwsLcEngine load(BouncyCastleEngine reference) {
        AmazonCorrettoCryptoProvider p = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable error = p.getLoadingError();
        if (error != null) {
            throw new IllegalStateException("ACCP did not load: " + error.getMessage(), error);
        }
        p.assertHealthy();
        try {
            AwsLcEngine engine = new AwsLcEngine(p, reference);
            engine.newPerThread();
            return engine;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ACCP lacks NONEwithECDSA or Ed25519: " + e.getMessage(), e);
        }
    }

    @Override
    public String library() {
        return library;
    }

    private PublicKey ecKey(EcPublicKey k) {
        try {
            return ecKeys.generatePublic(new ECPublicKeySpec(new ECPoint(k.x(), k.y()), p256));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private PublicKey edKey(Ed25519PublicKey k) {
        byte[] spki = java.util.Arrays.copyOf(ED25519_SPKI_PREFIX, 44);
        System.arraycopy(k.encoded(), 0, spki, 12, 32);
        try {
            return edKeys.generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private PerThread newPerThread() {
        try {
            return new PerThread(Signature.getInstance("NONEwithECDSA", provider),
                    Signature.getInstance("Ed25519", provider));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void verify(VerifyBatch batch, Outcome[] out, int from, int to) {
        PerThread t = perThread.get();
        Scheme scheme = batch.scheme();
        if (scheme != Scheme.ECDSA_P256 && scheme != Scheme.ED25519) {
            throw new IllegalArgumentException("AWS-LC serves ecdsa-p256 and ed25519 here, not " + scheme);
        }
        for (int i = from; i < to; i++) {
            if (batch.isPending(i)) {
                boolean valid = scheme == Scheme.ECDSA_P256 ? p256(t, batch, i) : ed25519(t, batch, i);
                out[i] = Outcome.of(valid);
            }
        }
    }

    private boolean p256(PerThread t, VerifyBatch b, int i) {
        PublicKey key = ecCache.get((EcPublicKey) b.key(i));
        if (key == null) {
            return reference.verifyOne(b, i);
        }
        try {
            if (key != t.ecdsaKey) {
                t.ecdsaKey = null;
                t.ecdsa.initVerify(key);
                t.ecdsaKey = key;
            }
            t.ecdsa.update(b.digests(), 32 * i, 32);
            int len = der(b.r(), b.s(), 32 * i, t.der);
            return t.ecdsa.verify(t.der, 0, len);
        } catch (GeneralSecurityException | RuntimeException e) {
            t.ecdsaKey = null;
            return reference.verifyOne(b, i);
        }
    }

    private boolean ed25519(PerThread t, VerifyBatch b, int i) {
        PublicKey key = edCache.get((Ed25519PublicKey) b.key(i));
        if (key == null) {
            return reference.verifyOne(b, i);
        }
        boolean valid;
        try {
            if (key != t.edKey) {
                t.edKey = null;
                t.ed.initVerify(key);
                t.edKey = key;
            }
            int[] offs = b.messageOffsets();
            t.ed.update(b.messages(), offs[i], offs[i + 1] - offs[i]);
            System.arraycopy(b.r(), 32 * i, t.sig64, 0, 32);
            System.arraycopy(b.s(), 32 * i, t.sig64, 32, 32);
            valid = t.ed.verify(t.sig64);
        } catch (GeneralSecurityException | RuntimeException e) {
            t.edKey = null;
            valid = false;
        }
        // Cofactorless acceptance implies cofactored acceptance; a rejection is the reference's to confirm.
        return valid || reference.verifyOne(b, i);
    }

    /** Writes SEQUENCE { INTEGER r, INTEGER s } in minimal DER into {@code out}; returns its length. */
    static int der(byte[] r, byte[] s, int at, byte[] out) {
        int rLen = integerLength(r, at);
        int sLen = integerLength(s, at);
        int p = 0;
        out[p++] = 0x30;
        out[p++] = (byte) (2 + rLen + 2 + sLen);
        p = integer(r, at, rLen, out, p);
        integer(s, at, sLen, out, p);
        return 2 + 2 + rLen + 2 + sLen;
    }

    private static int integerLength(byte[] v, int at) {
        int start = at;
        while (start < at + 31 && v[start] == 0) {
            start++;
        }
        int n = at + 32 - start;
        return (v[start] & 0x80) != 0 ? n + 1 : n;
    }

    private static int integer(byte[] v, int at, int len, byte[] out, int p) {
        out[p++] = 0x02;
        out[p++] = (byte) len;
        int start = at + 32 - len;
        if (start < at) {
            out[p++] = 0;
            start = at;
        }
        int n = at + 32 - start;
        System.arraycopy(v, start, out, p, n);
        return p + n;
    }

    @Override
    public RawSignature sign(SigningKey.Software key, byte[] secret, byte[] input) {
        return reference.sign(key, secret, input);
    }

    /** One thread's verifiers and buffers. */
    private static final class PerThread {
        final Signature ecdsa;
        final Signature ed;
        final byte[] der = new byte[72];
        final byte[] sig64 = new byte[64];
        PublicKey ecdsaKey;
        PublicKey edKey;

        PerThread(Signature ecdsa, Signature ed) {
            this.ecdsa = ecdsa;
            this.ed = ed;
        }
    }
}
