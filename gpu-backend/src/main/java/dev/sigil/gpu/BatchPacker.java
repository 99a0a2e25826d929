package dev.sigil.gpu;

import dev.sigil.crypto.Bip340;
import dev.sigil.crypto.Bytes;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.XOnlyPublicKey;
import java.lang.invoke.MethodHandles;
import java.math.BigInteger;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.stream.IntStream;

/**
 * Packs pending items of a {@link VerifyBatch} into the kernels' input layout: limb-major structure of arrays
 * (limb j of column c of item t at {@code (8c + j) * stride + t}), so consecutive work-items read consecutive
 * words. Host-side work per item (the challenge hashes of Ed25519 and BIP-340, and the y of compressed and x-only
 * keys, which the parsed key already holds) happens here, in parallel over the items.
 */
final class BatchPacker {
    private static final VarHandle BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** Below this many items packing runs on the calling thread. */
    private static final int PARALLEL_THRESHOLD = 512;

    private BatchPacker() {
    }

    /** Packs items {@code idx[from .. from+len)} of the batch into {@code out} with the given stride. */
    static void pack(VerifyBatch batch, int[] idx, int from, int len, int stride, IntBuffer out) {
        IntStream range = IntStream.range(0, len);
        if (len >= PARALLEL_THRESHOLD) {
            range = range.parallel();
        }
        if (batch.scheme() == Scheme.ED25519) {
            range.forEach(t -> packEd25519(batch, idx[from + t], t, stride, out));
        } else if (batch.scheme() == Scheme.SCHNORR_SECP256K1) {
            range.forEach(t -> packSchnorr(batch, idx[from + t], t, stride, out));
        } else {
            range.forEach(t -> packWeierstrass(batch, idx[from + t], t, stride, out));
        }
    }

    /**
     * Packs pending items {@code idx[from .. from+len)} of a recovery batch into recover.cl's layout: e, r, s
     * (8 words each), then v.
     */
    static void packRecover(dev.sigil.crypto.RecoverBatch batch, int[] idx, int from, int len, int stride,
            IntBuffer out) {
        IntStream range = IntStream.range(0, len);
        if (len >= PARALLEL_THRESHOLD) {
            range = range.parallel();
        }
        range.forEach(t -> {
            int i = idx[from + t];
            putBigEndian(out, 0, batch.digests(), 32 * i, t, stride);
            putBigEndian(out, 1, batch.r(), 32 * i, t, stride);
            putBigEndian(out, 2, batch.s(), 32 * i, t, stride);
            out.put(24 * stride + t, batch.recoveryId(i));
        });
    }

    /**
     * Reads recover.cl's output for items {@code idx[from .. from+len)}: each code into {@code codes[from + t]} and,
     * for a valid item i, x ‖ y big-endian at {@code 64*i} of {@code points}.
     */
    static void unpackRecovered(IntBuffer in, int[] idx, int from, int len, int stride, byte[] codes,
            byte[] points) {
        for (int t = 0; t < len; t++) {
            int code = in.get(t);
            codes[from + t] = (byte) code;
            if (code == ResultDecoder.VALID) {
                int at = 64 * idx[from + t];
                for (int j = 0; j < 16; j++) {
                    int column = j / 8;
                    int limb = j % 8;
                    BE.set(points, at + 32 * column + 28 - 4 * limb, in.get((1 + j) * stride + t));
                }
            }
        }
    }

    private static void packWeierstrass(VerifyBatch batch, int i, int t, int stride, IntBuffer out) {
        EcPublicKey key = (EcPublicKey) batch.key(i);
        byte[] enc = key.encoded();
        putBigEndian(out, 0, enc, 1, t, stride);
        if (enc.length == 65) {
            putBigEndian(out, 1, enc, 33, t, stride);
        } else {
            putUnsigned(out, 1, key.y(), t, stride);
        }
        putBigEndian(out, 2, batch.digests(), 32 * i, t, stride);
        putBigEndian(out, 3, batch.r(), 32 * i, t, stride);
        putBigEndian(out, 4, batch.s(), 32 * i, t, stride);
    }

    /**
     * BIP-340 in the Weierstrass layout: the lifted key (x and the even y that lift_x gave when the key was parsed),
     * the challenge e = hash_BIP0340/challenge(r ‖ P ‖ m) mod n in the digest column, r and s.
     */
    private static void packSchnorr(VerifyBatch batch, int i, int t, int stride, IntBuffer out) {
        XOnlyPublicKey key = (XOnlyPublicKey) batch.key(i);
        byte[] px = key.encoded();
        int[] offs = batch.messageOffsets();
        byte[] e = Bip340.challengeBytes(batch.r(), 32 * i, px, batch.messages(), offs[i], offs[i + 1] - offs[i]);
        putBigEndian(out, 0, px, 0, t, stride);
        putUnsigned(out, 1, key.y(), t, stride);
        putBigEndian(out, 2, e, 0, t, stride);
        putBigEndian(out, 3, batch.r(), 32 * i, t, stride);
        putBigEndian(out, 4, batch.s(), 32 * i, t, stride);
    }

    private static void packEd25519(VerifyBatch batch, int i, int t, int stride, IntBuffer out) {
        byte[] a = batch.key(i).encoded();
        byte[] r = VerifyBatch.slot(batch.r(), i);
        byte[] k = Hashes.ed25519Challenge(r, a, batch.message(i));
        putLittleEndian(out, 0, a, 0, t, stride);
        putLittleEndian(out, 1, r, 0, t, stride);
        putLittleEndian(out, 2, batch.s(), 32 * i, t, stride);
        putLittleEndian(out, 3, k, 0, t, stride);
    }

    private static void putBigEndian(IntBuffer out, int column, byte[] src, int off, int t, int stride) {
        for (int j = 0; j < 8; j++) {
            out.put((8 * column + j) * stride + t, (int) BE.get(src, off + 28 - 4 * j));
        }
    }

    /** A field element the host already holds (a decompressed y), as column {@code column}. */
    private static void putUnsigned(IntBuffer out, int column, BigInteger v, int t, int stride) {
        byte[] b = new byte[32];
        Bytes.putUnsigned(v, b, 0, 32);
        putBigEndian(out, column, b, 0, t, stride);
    }

    private static void putLittleEndian(IntBuffer out, int column, byte[] src, int off, int t, int stride) {
        for (int j = 0; j < 8; j++) {
            out.put((8 * column + j) * stride + t, (int) LE.get(src, off + 4 * j));
        }
    }
}
