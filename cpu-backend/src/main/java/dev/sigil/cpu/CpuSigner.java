package dev.sigil.cpu;

import dev.sigil.crypto.Bip340;
import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.spi.PrivateKeyMaterial;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Software signing: ECDSA with RFC 6979 nonces (output low-S, with the secp256k1 recovery id), SM2 per
 * GB/T 32918.2 over a given e with RFC 6979-style deterministic nonces (HMAC-SM3), Ed25519 per RFC 8032, BIP-340
 * over the message with fresh auxiliary randomness per signature.
 */
final class CpuSigner {
    private static final PrivateKeyMaterial.Access ACCESS = new PrivateKeyMaterial.Access("cpu-backend signer");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Signs every input with the engine serving the key's scheme; the revealed secret is zeroed afterwards. */
    static List<RawSignature> sign(SigningKey.Software key, List<byte[]> inputs, Engine engine) {
        byte[] secret = key.privateKey().reveal(ACCESS);
        try {
            List<RawSignature> out = new ArrayList<>(inputs.size());
            for (byte[] in : inputs) {
                out.add(engine.sign(key, secret, in));
            }
            return out;
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
    }

    /** One signature with the revealed secret (which the caller zeroes). */
    static RawSignature signOne(SigningKey.Software key, byte[] secret, byte[] in) {
        return switch (key.scheme()) {
            case ECDSA_SECP256K1, ECDSA_P256 -> ecdsa(key, secret, in);
            case SM2 -> sm2(key, secret, in);
            case ED25519 -> ed25519(key, secret, in);
            case SCHNORR_SECP256K1 -> new RawSignature(Bip340.sign(secret, in, freshAux()), -1);
        };
    }

    /** BIP-340's auxiliary randomness: 32 fresh random bytes per signature. */
    static byte[] freshAux() {
        byte[] aux = new byte[32];
        RANDOM.nextBytes(aux);
        return aux;
    }

    private static RawSignature ecdsa(SigningKey.Software key, byte[] secret, byte[] digest) {
        requireDigest(digest);
        EcPublicKey pub = (EcPublicKey) key.publicKey();
        ECDomainParameters d = EcArithmetic.domain(pub.curve());
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, secret), d));
        BigInteger[] rs = signer.generateSignature(digest);
        return RawSignature.ecdsa(pub, digest, new EcSignature(rs[0], rs[1])).orElseThrow();
    }

    private static RawSignature sm2(SigningKey.Software key, byte[] secret, byte[] e) {
        requireDigest(e);
        EcPublicKey pub = (EcPublicKey) key.publicKey();
        ECDomainParameters d = EcArithmetic.domain(pub.curve());
        BigInteger n = d.getN();
        BigInteger dA = new BigInteger(1, secret);
        BigInteger ev = new BigInteger(1, e);
        HMacDSAKCalculator kCalc = new HMacDSAKCalculator(new SM3Digest());
        kCalc.init(n, dA, e);
        FixedPointCombMultiplier mult = new FixedPointCombMultiplier();
        BigInteger inv = dA.add(BigInteger.ONE).modInverse(n);
        while (true) {
            BigInteger k = kCalc.nextK();
            ECPoint p = mult.multiply(d.getG(), k).normalize();
            BigInteger r = ev.add(p.getAffineXCoord().toBigInteger()).mod(n);
            if (r.signum() == 0 || r.add(k).equals(n)) {
                continue;
            }
            BigInteger s = inv.multiply(k.subtract(r.multiply(dA))).mod(n);
            if (s.signum() != 0) {
                return new RawSignature(new EcSignature(r, s).toRaw(), -1);
            }
        }
    }

    private static RawSignature ed25519(SigningKey.Software key, byte[] seed, byte[] message) {
        byte[] pk = key.publicKey().encoded();
        byte[] sig = new byte[64];
        Ed25519.sign(seed, 0, pk, 0, message, 0, message.length, sig, 0);
        return new RawSignature(sig, -1);
    }

    private static void requireDigest(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("ECDSA and SM2 sign a 32-byte digest");
        }
    }
}
