package dev.sigil.crypto;

import java.math.BigInteger;

/** SM2 hashing (GB/T 32918.2): Z_A and e = SM3(Z_A ‖ M). */
public final class Sm2 {
    /** The default user ID of GM/T 0009: the ASCII bytes of "1234567812345678". */
    public static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** ENTL is 16 bits of bit length, so an ID is at most 8191 bytes. */
    public static final int MAX_USER_ID_BYTES = 8191;

    private Sm2() {
    }

    /** Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA). */
    public static byte[] za(byte[] userId, EcPublicKey key) {
        if (userId.length > MAX_USER_ID_BYTES) {
            throw new MalformedInputException(ProblemCode.MALFORMED_USER_ID, "userId is longer than 8191 bytes");
        }
        Curve c = Curve.SM2P256V1;
        int bits = userId.length * 8;
        byte[] entl = {(byte) (bits >>> 8), (byte) bits};
        return Sm3.digest(entl, userId, fe(c.a()), fe(c.b()), fe(c.gx()), fe(c.gy()), fe(key.x()), fe(key.y()));
    }

    /** e = SM3(Z_A ‖ M), the 32-byte value that is signed. */
    public static byte[] e(byte[] userId, EcPublicKey key, byte[] message) {
        return Sm3.digest(za(userId, key), message);
    }

    private static byte[] fe(BigInteger v) {
        return Bytes.unsigned(v, 32);
    }
}
