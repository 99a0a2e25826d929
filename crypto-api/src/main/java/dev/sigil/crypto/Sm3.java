package dev.sigil.crypto;

import java.util.Arrays;

/**
 * SM3 (GB/T 32905-2016, GM/T 0004-2012), the hash of SM2 signatures. Hand-written because crypto-api has no
 * dependencies; the tests check it against the standard's examples and against Bouncy Castle's {@code SM3Digest}.
 * Not thread-safe; use one instance per thread or {@link #digest(byte[]...)}.
 */
public final class Sm3 {
    private static final int[] IV = {
        0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e
    };
    private static final int[] T = new int[64];

    static {
        for (int j = 0; j < 64; j++) {
            int t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
            T[j] = Integer.rotateLeft(t, j % 32);
        }
    }

    private final int[] v = IV.clone();
    private final byte[] block = new byte[64];
    private final int[] w = new int[68];
    private int blockLen;
    private long totalLen;

    /** SM3 of the concatenation of the parts. */
    public static byte[] digest(byte[]... parts) {
        Sm3 h = new Sm3();
        for (byte[] p : parts) {
            h.update(p, 0, p.length);
        }
        return h.doFinal();
    }

    public void update(byte[] in, int off, int len) {
        totalLen += len;
        while (len > 0) {
            int n = Math.min(len, 64 - blockLen);
            System.arraycopy(in, off, block, blockLen, n);
            blockLen += n;
            off += n;
            len -= n;
            if (blockLen == 64) {
                compress(block, 0);
                blockLen = 0;
            }
        }
    }

    /** Finishes and returns the 32-byte hash; the instance is then reset. */
    public byte[] doFinal() {
        long bits = totalLen * 8;
        block[blockLen++] = (byte) 0x80;
        if (blockLen > 56) {
            Arrays.fill(block, blockLen, 64, (byte) 0);
            compress(block, 0);
            blockLen = 0;
        }
        Arrays.fill(block, blockLen, 56, (byte) 0);
        for (int i = 0; i < 8; i++) {
            block[56 + i] = (byte) (bits >>> (56 - 8 * i));
        }
        compress(block, 0);
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (v[i] >>> 24);
            out[4 * i + 1] = (byte) (v[i] >>> 16);
            out[4 * i + 2] = (byte) (v[i] >>> 8);
            out[4 * i + 3] = (byte) v[i];
        }
        System.arraycopy(IV, 0, v, 0, 8);
        blockLen = 0;
        totalLen = 0;
        return out;
    }

    private static int p0(int x) {
        return x ^ Integer.rotateLeft(x, 9) ^ Integer.rotateLeft(x, 17);
    }

    private static int p1(int x) {
        return x ^ Integer.rotateLeft(x, 15) ^ Integer.rotateLeft(x, 23);
    }

    private void compress(byte[] b, int off) {
        for (int i = 0; i < 16; i++) {
            int o = off + 4 * i;
            w[i] = (b[o] & 0xff) << 24 | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff);
        }
        for (int j = 16; j < 68; j++) {
            w[j] = p1(w[j - 16] ^ w[j - 9] ^ Integer.rotateLeft(w[j - 3], 15))
                    ^ Integer.rotateLeft(w[j - 13], 7) ^ w[j - 6];
        }
        int a = v[0], bb = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
        for (int j = 0; j < 64; j++) {
            int a12 = Integer.rotateLeft(a, 12);
            int ss1 = Integer.rotateLeft(a12 + e + T[j], 7);
            int ss2 = ss1 ^ a12;
            int w1 = w[j] ^ w[j + 4];
            int ff = j < 16 ? a ^ bb ^ c : (a & bb) | (a & c) | (bb & c);
            int gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
            int tt1 = ff + d + ss2 + w1;
            int tt2 = gg + h + ss1 + w[j];
            d = c;
            c = Integer.rotateLeft(bb, 9);
            bb = a;
            a = tt1;
            h = g;
            g = Integer.rotateLeft(f, 19);
            f = e;
            e = p0(tt2);
        }
        v[0] ^= a;
        v[1] ^= bb;
        v[2] ^= c;
        v[3] ^= d;
        v[4] ^= e;
        v[5] ^= f;
        v[6] ^= g;
        v[7] ^= h;
    }
}
