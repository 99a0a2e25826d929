package dev.sigil.bench;

import dev.sigil.crypto.Bip340;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.XOnlyPublicKey;
import dev.sigil.crypto.testing.AdversarialItems;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The baseline: Bouncy Castle used directly, the way a node would without Sigil, over inputs prepared outside the
 * timed loop (keys decoded once, ECDSA digests and (r, s) precomputed). SM2 goes through BC's {@code SM2Signer},
 * which hashes Z_A ‖ M itself; Ed25519 through {@code Ed25519.verify} on the encoded key; BIP-340 (for which BC has
 * no API) as the BIP writes it over BC's secp256k1 arithmetic, keys lifted once.
 */
public final class PlainBouncyCastle implements Baselines.Loop {
    private static final ECDomainParameters SECP256K1 =
            new ECDomainParameters(CustomNamedCurves.getByName("secp256k1"));

    private final Scheme scheme;
    private final Object[] keys;
    private final byte[][] digests;
    private final BigInteger[] r;
    private final BigInteger[] s;
    private final byte[][] messages;
    private final byte[][] signatures;

    public PlainBouncyCastle(Scheme scheme, List<AdversarialItems.Signed> items) {
        this.scheme = scheme;
        int n = items.size();
        keys = new Object[n];
        digests = new byte[n][];
        r = new BigInteger[n];
        s = new BigInteger[n];
        messages = new byte[n][];
        signatures = new byte[n][];
        java.util.Map<Object, Object> decoded = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            AdversarialItems.Signed it = items.get(i);
            messages[i] = it.message();
            signatures[i] = it.encodedSignature();
            if (scheme == Scheme.ED25519) {
                keys[i] = it.key().publicKey().encoded();
                continue;
            }
            if (scheme == Scheme.SCHNORR_SECP256K1) {
                XOnlyPublicKey pub = (XOnlyPublicKey) it.key().publicKey();
                keys[i] = decoded.computeIfAbsent(pub, k -> SECP256K1.getCurve().createPoint(pub.x(), pub.y()));
                continue;
            }
            EcPublicKey pub = (EcPublicKey) it.key().publicKey();
            keys[i] = decoded.computeIfAbsent(pub, k -> params(pub));
            EcSignature sig = EcSignature.fromDer(it.encodedSignature());
            r[i] = sig.r();
            s[i] = sig.s();
            digests[i] = scheme.isEcdsa() ? Hashes.sha256(it.message()) : null;
        }
    }

    private static ECPublicKeyParameters params(EcPublicKey pub) {
        Curve c = pub.curve();
        X9ECParameters x9 = CustomNamedCurves.getByName(c.curveName());
        ECDomainParameters d = new ECDomainParameters(x9);
        return new ECPublicKeyParameters(d.getCurve().createPoint(pub.x(), pub.y()), d);
    }

    /** Verifies items [from, to); returns how many are valid. */
    @Override
    public int verify(int from, int to) {
        int valid = 0;
        for (int i = from; i < to; i++) {
            valid += verifyOne(i) ? 1 : 0;
        }
        return valid;
    }

    @Override
    public int size() {
        return messages.length;
    }

    private boolean verifyOne(int i) {
        switch (scheme) {
            case ECDSA_SECP256K1, ECDSA_P256 -> {
                ECDSASigner signer = new ECDSASigner();
                signer.init(false, (ECPublicKeyParameters) keys[i]);
                return signer.verifySignature(digests[i], r[i], s[i]);
            }
            case SCHNORR_SECP256K1 -> {
                return schnorr(i);
            }
            case SM2 -> {
                SM2Signer signer = new SM2Signer();
                signer.init(false, new ParametersWithID((ECPublicKeyParameters) keys[i],
                        dev.sigil.crypto.Sm2.DEFAULT_USER_ID));
                signer.update(messages[i], 0, messages[i].length);
                return signer.verifySignature(signatures[i]);
            }
            default -> {
                return Ed25519.verify(signatures[i], 0, (byte[]) keys[i], 0, messages[i], 0, messages[i].length);
            }
        }
    }

    /** BIP-340 Verify as a node on Bouncy Castle would write it (BC has no BIP-340 API): R = s·G − e·P. */
    private boolean schnorr(int i) {
        byte[] sig = signatures[i];
        ECPoint p = (ECPoint) keys[i];
        BigInteger n = SECP256K1.getN();
        BigInteger e = Bip340.challenge(sig, 0, p.getAffineXCoord().getEncoded(), messages[i], 0, messages[i].length);
        BigInteger sv = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
        BigInteger rv = new BigInteger(1, java.util.Arrays.copyOf(sig, 32));
        if (sv.compareTo(n) >= 0 || rv.compareTo(SECP256K1.getCurve().getField().getCharacteristic()) >= 0) {
            return false;
        }
        ECPoint r = ECAlgorithms.sumOfTwoMultiplies(SECP256K1.getG(), sv, p, n.subtract(e).mod(n)).normalize();
        return !r.isInfinity() && !r.getAffineYCoord().testBitZero() && r.getAffineXCoord().toBigInteger().equals(rv);
    }
}
