package dev.sigil.crypto.spi;

import dev.sigil.crypto.Bip340;
import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.Scheme;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;

/** Software key generation and public-key derivation (with the range check of the private scalar). */
public final class SoftwareKeys {
    private static final PrivateKeyMaterial.Access ACCESS = new PrivateKeyMaterial.Access("software key derivation");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SoftwareKeys() {
    }

    /**
     * Generates a software key: d uniform in [1, n-1] for ECDSA, SM2 and BIP-340 (whose x-only public key is that of
     * d·G; the signer negates d where d·G has an odd y), a random 32-byte seed for Ed25519.
     */
    public static SigningKey.Software generate(String keyId, Scheme scheme) {
        byte[] secret;
        if (scheme == Scheme.ED25519) {
            secret = new byte[32];
            RANDOM.nextBytes(secret);
        } else {
            BigInteger n = scheme.requireCurve().n();
            secret = BigIntegers.asUnsignedByteArray(32,
                    BigIntegers.createRandomInRange(BigInteger.ONE, n.subtract(BigInteger.ONE), RANDOM));
        }
        PrivateKeyMaterial material = PrivateKeyMaterial.of(secret);
        Arrays.fill(secret, (byte) 0);
        return new SigningKey.Software(keyId, publicKeyOf(scheme, material), material);
    }

    /**
     * The public key of a private key.
     *
     * @throws IllegalArgumentException when an ECDSA, SM2 or BIP-340 scalar is not in [1, n-1]
     */
    public static PublicKey publicKeyOf(Scheme scheme, PrivateKeyMaterial privateKey) {
        byte[] secret = privateKey.reveal(ACCESS);
        try {
            if (scheme == Scheme.ED25519) {
                byte[] pk = new byte[32];
                Ed25519.generatePublicKey(secret, 0, pk, 0);
                return Ed25519PublicKey.parse(pk);
            }
            if (scheme == Scheme.SCHNORR_SECP256K1) {
                return Bip340.publicKey(new BigInteger(1, secret));
            }
            return EcArithmetic.publicKey(scheme, new BigInteger(1, secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
