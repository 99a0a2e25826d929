package dev.sigil.crypto;

import java.math.BigInteger;

/** Small byte helpers shared by the parsers. */
public final class Bytes {
    private Bytes() {
    }

    /** Writes the unsigned big-endian value into exactly {@code len} bytes at {@code off}. */
    public static void putUnsigned(BigInteger v, byte[] out, int off, int len) {
        if (v.signum() < 0 || v.bitLength() > 8 * len) {
            throw new IllegalArgumentException("value does not fit in " + len + " bytes");
        }
        byte[] raw = v.toByteArray();
        int skip = raw.length > len ? raw.length - len : 0;
        int n = raw.length - skip;
        java.util.Arrays.fill(out, off, off + len - n, (byte) 0);
        System.arraycopy(raw, skip, out, off + len - n, n);
    }

    /** The unsigned big-endian value as exactly {@code len} bytes. */
    public static byte[] unsigned(BigInteger v, int len) {
        byte[] out = new byte[len];
        putUnsigned(v, out, 0, len);
        return out;
    }

    /** A reversed copy. */
    public static byte[] reversed(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = in[in.length - 1 - i];
        }
        return out;
    }

    /** Concatenation. */
    public static byte[] concat(byte[]... parts) {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        byte[] out = new byte[len];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }
}
