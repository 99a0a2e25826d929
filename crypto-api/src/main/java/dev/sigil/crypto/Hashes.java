package dev.sigil.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The message hashes of the contract's schemes, computed once at the edge. */
public final class Hashes {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> md("SHA-256"));
    private static final ThreadLocal<MessageDigest> SHA512 = ThreadLocal.withInitial(() -> md("SHA-512"));

    private Hashes() {
    }

    public static byte[] sha256(byte[] message) {
        return SHA256.get().digest(message);
    }

    /**
     * Ed25519's challenge k = SHA-512(R ‖ A ‖ M) mod L, as 32 little-endian bytes (for backends that want it
     * precomputed on the host).
     */
    public static byte[] ed25519Challenge(byte[] r, byte[] a, byte[] message) {
        MessageDigest d = SHA512.get();
        d.update(r);
        d.update(a);
        d.update(message);
        BigInteger k = new BigInteger(1, Bytes.reversed(d.digest())).mod(Ed25519PublicKey.L);
        return Bytes.reversed(Bytes.unsigned(k, 32));
    }

    /** The value an ECDSA or SM2 signature signs, given the message: SHA-256(M), or SM3(Z_A ‖ M). */
    public static byte[] signedDigest(Scheme scheme, EcPublicKey key, byte[] userId, byte[] message) {
        return scheme == Scheme.SM2 ? Sm2.e(userId, key, message) : sha256(message);
    }

    /** Keccak-256 (the original Keccak padding, as Ethereum uses it; not SHA3-256). */
    public static byte[] keccak256(byte[] data) {
        org.bouncycastle.crypto.digests.KeccakDigest d = new org.bouncycastle.crypto.digests.KeccakDigest(256);
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static MessageDigest md(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from the JDK", e);
        }
    }
}
