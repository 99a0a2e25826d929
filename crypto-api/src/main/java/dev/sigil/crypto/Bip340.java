package dev.sigil.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * BIP-340 as the BIP writes it: tagged hashes, the challenge e, and signing with auxiliary randomness (the reference
 * every signer's output is compared with), on Bouncy Castle's secp256k1 arithmetic. Messages are of any length
 * (BIP-340 as amended for variable-length messages).
 */
public final class Bip340 {
    /** Bytes of a signature: R.x ‖ s. */
    public static final int SIGNATURE_BYTES = 64;
    private static final byte[] CHALLENGE = tagPrefix("BIP0340/challenge");
    private static final byte[] AUX = tagPrefix("BIP0340/aux");
    private static final byte[] NONCE = tagPrefix("BIP0340/nonce");
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Bip340::sha256);

    private Bip340() {
    }

    /** {@code hash_tag(x) = SHA-256(SHA-256(tag) ‖ SHA-256(tag) ‖ x)}, with x the parts one after the other. */
    public static byte[] taggedHash(String tag, byte[]... parts) {
        MessageDigest d = SHA256.get();
        d.update(tagPrefix(tag));
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    /**
     * The challenge e = int(hash_BIP0340/challenge(r ‖ P ‖ m)) mod n, for the 32-byte R.x {@code r} and x-only key
     * {@code px} and the message at {@code m[off, off + len)}.
     */
    public static BigInteger challenge(byte[] r, int rOff, byte[] px, byte[] m, int off, int len) {
        MessageDigest d = SHA256.get();
        d.update(CHALLENGE);
        d.update(r, rOff, 32);
        d.update(px, 0, 32);
        d.update(m, off, len);
        return new BigInteger(1, d.digest()).mod(Curve.SECP256K1.n());
    }

    /** The challenge as 32 big-endian bytes (for backends that take it precomputed). */
    public static byte[] challengeBytes(byte[] r, int rOff, byte[] px, byte[] m, int off, int len) {
        return Bytes.unsigned(challenge(r, rOff, px, m, off, len), 32);
    }

    /** The x-only public key of a secret key d in [1, n-1] (the x of d·G). */
    public static XOnlyPublicKey publicKey(BigInteger d) {
        return XOnlyPublicKey.parse(Bytes.unsigned(EcArithmetic.publicKey(Scheme.ECDSA_SECP256K1, d).x(), 32));
    }

    /**
     * BIP-340's {@code Sign(sk, m)} with auxiliary randomness {@code aux} (32 bytes; fresh random bytes, or 32 zero
     * bytes where none can be had).
     *
     * @throws IllegalArgumentException when the secret key is not in [1, n-1] or aux is not 32 bytes
     */
    public static byte[] sign(byte[] secret, byte[] message, byte[] aux) {
        if (aux.length != 32) {
            throw new IllegalArgumentException("auxiliary randomness is 32 bytes");
        }
        ECDomainParameters dom = EcArithmetic.domain(Curve.SECP256K1);
        BigInteger n = dom.getN();
        BigInteger d0 = new BigInteger(1, secret);
        if (d0.signum() == 0 || d0.compareTo(n) >= 0) {
            throw new IllegalArgumentException("secret key out of range");
        }
        FixedPointCombMultiplier mul = new FixedPointCombMultiplier();
        ECPoint p = mul.multiply(dom.getG(), d0).normalize();
        BigInteger d = p.getAffineYCoord().toBigInteger().testBit(0) ? n.subtract(d0) : d0;
        byte[] px = Bytes.unsigned(p.getAffineXCoord().toBigInteger(), 32);
        byte[] db = Bytes.unsigned(d, 32);
        byte[] t = taggedHashWith(AUX, aux);
        for (int i = 0; i < 32; i++) {
            t[i] ^= db[i];
        }
        BigInteger k0 = new BigInteger(1, taggedHashWith(NONCE, t, px, message)).mod(n);
        Arrays.fill(t, (byte) 0);
        Arrays.fill(db, (byte) 0);
        if (k0.signum() == 0) {
            throw new IllegalStateException("BIP-340 nonce is zero (probability 2^-256)");
        }
        ECPoint r = mul.multiply(dom.getG(), k0).normalize();
        BigInteger k = r.getAffineYCoord().toBigInteger().testBit(0) ? n.subtract(k0) : k0;
        byte[] rx = Bytes.unsigned(r.getAffineXCoord().toBigInteger(), 32);
        BigInteger e = challenge(rx, 0, px, message, 0, message.length);
        return Bytes.concat(rx, Bytes.unsigned(k.add(e.multiply(d)).mod(n), 32));
    }

    private static byte[] taggedHashWith(byte[] prefix, byte[]... parts) {
        MessageDigest d = SHA256.get();
        d.update(prefix);
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    /** SHA-256(tag) ‖ SHA-256(tag). */
    private static byte[] tagPrefix(String tag) {
        byte[] h = sha256().digest(tag.getBytes(StandardCharsets.UTF_8));
        return Bytes.concat(h, h);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
