package dev.sigil.cpu;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.PrivateKeyMaterial;
import dev.sigil.crypto.spi.SigningKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;

/** Software key generation and public-key derivation. */
public final class CpuKeys {
    private static final PrivateKeyMaterial.Access ACCESS = new PrivateKeyMaterial.Access("cpu-backend key derivation");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CpuKeys() {
    }

    /** Generates a software key: d uniform in [1, n-1] for ECDSA and SM2, a random 32-byte seed for Ed25519. */
    public static SigningKey.Software generate(String keyId, Scheme scheme) {
        byte[] secret;
        if (scheme == Scheme.ED25519) {
            secret = new byte[32];
            RANDOM.nextBytes(secret);
        } else {
            Curve c = scheme.requireCurve();
            BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, c.n().subtract(BigInteger.ONE), RANDOM);
            secret = BigIntegers.asUnsignedByteArray(32, d);
        }
        PrivateKeyMaterial material = PrivateKeyMaterial.of(secret);
        java.util.Arrays.fill(secret, (byte) 0);
        return new SigningKey.Software(keyId, publicKeyOf(scheme, material), material);
    }

    /** The public key of a private key. */
    public static PublicKey publicKeyOf(Scheme scheme, PrivateKeyMaterial privateKey) {
        byte[] secret = privateKey.reveal(ACCESS);
        try {
            if (scheme == Scheme.ED25519) {
                byte[] pk = new byte[32];
                Ed25519.generatePublicKey(secret, 0, pk, 0);
                return Ed25519PublicKey.parse(pk);
            }
            BigInteger d = new BigInteger(1, secret);
            Curve c = scheme.requireCurve();
            if (d.signum() == 0 || d.compareTo(c.n()) >= 0) {
                throw new IllegalArgumentException("private scalar out of range");
            }
            ECPoint q = new FixedPointCombMultiplier().multiply(BcCurves.domain(c).getG(), d).normalize();
            return EcPublicKey.ofPoint(scheme, q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        } finally {
            java.util.Arrays.fill(secret, (byte) 0);
        }
    }
}
