package dev.sigil.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An (r, s) pair of ECDSA or SM2, as parsed: the integers may be out of range (that makes a signature
 * {@code invalid}, not malformed), but the encoding was strict. A DER signature never yields a negative r or s:
 * a negative INTEGER is a missing leading zero, which strict DER makes {@code malformed}.
 */
public record EcSignature(BigInteger r, BigInteger s) {

    /**
     * Parses strict DER: {@code 30 len 02 len r 02 len s}, definite minimal lengths, minimal non-negative
     * integers (no superfluous leading zero, a zero byte exactly where the high bit is set, so an INTEGER whose
     * first byte has the high bit set is a missing leading zero), nothing after.
     *
     * @throws MalformedInputException {@link ProblemCode#MALFORMED_SIGNATURE} for anything else
     */
    public static EcSignature fromDer(byte[] der) {
        int[] pos = {0};
        expect(der, pos, 0x30, "a DER signature starts with SEQUENCE (0x30)");
        int seqLen = readLength(der, pos);
        if (pos[0] + seqLen != der.length) {
            throw malformed(seqLen + pos[0] > der.length ? "DER sequence is truncated" : "bytes after the DER sequence");
        }
        BigInteger r = readInteger(der, pos);
        BigInteger s = readInteger(der, pos);
        if (pos[0] != der.length) {
            throw malformed("extra data inside the DER sequence");
        }
        return new EcSignature(r, s);
    }

    /** Parses raw r ‖ s: exactly 64 bytes. */
    public static EcSignature fromRaw(byte[] raw) {
        if (raw.length != 64) {
            throw malformed("a raw signature is 64 bytes, got " + raw.length);
        }
        return new EcSignature(new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)));
    }

    /** Parses in the given wire format ({@link SignatureFormat#DER} or {@link SignatureFormat#RAW}). */
    public static EcSignature parse(SignatureFormat format, byte[] bytes) {
        return switch (format) {
            case DER -> fromDer(bytes);
            case RAW -> fromRaw(bytes);
            case RAW_RECOVERABLE -> throw new MalformedInputException(ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT,
                    "raw-recoverable is a signing format");
        };
    }

    /** True when r and s are both in [1, n-1]. */
    public boolean inRange(Curve curve) {
        return r.signum() > 0 && s.signum() > 0 && r.compareTo(curve.n()) < 0 && s.compareTo(curve.n()) < 0;
    }

    /** True when s &gt; n/2. */
    public boolean isHighS(Curve curve) {
        return s.compareTo(curve.halfN()) > 0;
    }

    /** The same signature with s replaced by n - s when s is high. */
    public EcSignature normalizedLowS(Curve curve) {
        return isHighS(curve) ? new EcSignature(r, curve.n().subtract(s)) : this;
    }

    /** Strict DER encoding. */
    public byte[] toDer() {
        byte[] rb = r.toByteArray();
        byte[] sb = s.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream(72);
        int body = 2 + rb.length + 2 + sb.length;
        out.write(0x30);
        writeLength(out, body);
        out.write(0x02);
        writeLength(out, rb.length);
        out.write(rb, 0, rb.length);
        out.write(0x02);
        writeLength(out, sb.length);
        out.write(sb, 0, sb.length);
        return out.toByteArray();
    }

    /** r ‖ s, 32 bytes each; r and s must be in [0, 2^256). */
    public byte[] toRaw() {
        byte[] out = new byte[64];
        Bytes.putUnsigned(r, out, 0, 32);
        Bytes.putUnsigned(s, out, 32, 32);
        return out;
    }

    private static void writeLength(ByteArrayOutputStream out, int len) {
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xff);
        }
    }

    private static void expect(byte[] der, int[] pos, int tag, String message) {
        if (pos[0] >= der.length || (der[pos[0]] & 0xff) != tag) {
            throw malformed(message);
        }
        pos[0]++;
    }

    private static int readLength(byte[] der, int[] pos) {
        if (pos[0] >= der.length) {
            throw malformed("DER length is missing");
        }
        int first = der[pos[0]++] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int count = first & 0x7f;
        if (count == 0 || count > 2) {
            throw malformed(count == 0 ? "indefinite DER length" : "DER length too large");
        }
        if (pos[0] + count > der.length) {
            throw malformed("DER length is truncated");
        }
        int len = 0;
        for (int i = 0; i < count; i++) {
            len = (len << 8) | (der[pos[0]++] & 0xff);
        }
        if (len < 0x80 || (count == 2 && len < 0x100)) {
            throw malformed("DER length is not minimal");
        }
        return len;
    }

    private static BigInteger readInteger(byte[] der, int[] pos) {
        expect(der, pos, 0x02, "a DER signature holds two INTEGERs (0x02)");
        int len = readLength(der, pos);
        if (len == 0) {
            throw malformed("empty DER INTEGER");
        }
        if (pos[0] + len > der.length) {
            throw malformed("DER INTEGER is truncated");
        }
        byte[] content = Arrays.copyOfRange(der, pos[0], pos[0] + len);
        if (len > 1 && content[0] == 0 && (content[1] & 0x80) == 0) {
            throw malformed("DER INTEGER has a superfluous leading zero");
        }
        if ((content[0] & 0x80) != 0) {
            throw malformed("DER INTEGER is negative (missing leading zero)");
        }
        pos[0] += len;
        return new BigInteger(1, content);
    }

    private static MalformedInputException malformed(String message) {
        return new MalformedInputException(ProblemCode.MALFORMED_SIGNATURE, message);
    }
}
