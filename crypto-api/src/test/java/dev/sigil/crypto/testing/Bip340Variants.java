package dev.sigil.crypto.testing;

import dev.sigil.crypto.Bip340;
import dev.sigil.crypto.Bytes;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.spi.PrivateKeyMaterial;
import dev.sigil.crypto.spi.SigningKey;
import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * BIP-340 signatures that are right in every respect but one parity, which verification must catch: the nonce point R
 * with an odd y (the signer forgot to negate k), or, for a key whose d·G has an odd y, the secret not negated.
 */
final class Bip340Variants {
    private static final PrivateKeyMaterial.Access ACCESS = new PrivateKeyMaterial.Access("test item generator");

    private Bip340Variants() {
    }

    static byte[] wrongParity(SigningKey.Software key, byte[] message, Random rnd) {
        ECDomainParameters dom = EcArithmetic.domain(Curve.SECP256K1);
        BigInteger n = dom.getN();
        FixedPointCombMultiplier mul = new FixedPointCombMultiplier();
        BigInteger d0 = new BigInteger(1, key.privateKey().reveal(ACCESS));
        boolean keyOdd = mul.multiply(dom.getG(), d0).normalize().getAffineYCoord().toBigInteger().testBit(0);
        boolean oddR = !keyOdd || rnd.nextBoolean();
        BigInteger d = keyOdd == oddR ? n.subtract(d0) : d0; // exactly one of the two parities is wrong
        BigInteger k = new BigInteger(256, rnd).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        ECPoint r = mul.multiply(dom.getG(), k).normalize();
        if (r.getAffineYCoord().toBigInteger().testBit(0) != oddR) {
            k = n.subtract(k); // -R: the same x, the other parity
        }
        byte[] rx = Bytes.unsigned(r.getAffineXCoord().toBigInteger(), 32);
        BigInteger e = Bip340.challenge(rx, 0, key.publicKey().encoded(), message, 0, message.length);
        return Bytes.concat(rx, Bytes.unsigned(k.add(e.multiply(d)).mod(n), 32));
    }
}
