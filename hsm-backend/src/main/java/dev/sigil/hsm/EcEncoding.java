package dev.sigil.hsm;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.Scheme;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The DER values of {@code CKA_EC_PARAMS} and {@code CKA_EC_POINT} for Sigil's schemes.
 * <ul>
 *   <li>EC_PARAMS: the named-curve OID (secp256k1, P-256, SM2), and for Ed25519 either the PrintableString
 *       {@code "edwards25519"} (what SoftHSM2 2.6 and the v3.0 spec's curve-name form use) or the OID 1.3.101.112
 *       (RFC 8410). Both are recognised when reading a key.</li>
 *   <li>EC_POINT: a DER OCTET STRING wrapping the SEC1 point or the 32 Ed25519 bytes; some modules return the bare
 *       value, which is accepted too.</li>
 * </ul>
 */
final class EcEncoding {
    static final byte[] EDWARDS25519_NAME = printableString("edwards25519");
    static final byte[] ED25519_OID = oid("1.3.101.112");

    private EcEncoding() {
    }

    /** The EC_PARAMS a key of the scheme is generated with (Ed25519: the curve name). */
    static byte[] ecParams(Scheme scheme) {
        return scheme == Scheme.ED25519 ? EDWARDS25519_NAME.clone() : oid(scheme.requireCurve().oid());
    }

    /** The scheme of a key with these EC_PARAMS, if Sigil knows the curve. */
    static Optional<Scheme> schemeOf(byte[] ecParams, boolean edwards) {
        if (Arrays.equals(ecParams, EDWARDS25519_NAME) || Arrays.equals(ecParams, ED25519_OID)) {
            return Optional.of(Scheme.ED25519);
        }
        if (edwards) {
            return Optional.empty();
        }
        for (Scheme s : Scheme.values()) {
            if (s.isWeierstrass() && Arrays.equals(ecParams, oid(s.requireCurve().oid()))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads CKA_EC_POINT: a DER OCTET STRING around the value, or the bare value.
     *
     * @throws dev.sigil.crypto.MalformedInputException when the result is not a key of the scheme
     */
    static PublicKey publicKey(Scheme scheme, byte[] ecPoint) {
        return PublicKey.parse(scheme, unwrap(scheme, ecPoint));
    }

    static byte[] unwrap(Scheme scheme, byte[] ecPoint) {
        int[] sizes = scheme == Scheme.ED25519 ? new int[] {32} : new int[] {1 + Curve.BYTES, 1 + 2 * Curve.BYTES};
        for (int size : sizes) {
            if (ecPoint.length == size + 2 && ecPoint[0] == 0x04 && (ecPoint[1] & 0xff) == size) {
                return Arrays.copyOfRange(ecPoint, 2, ecPoint.length);
            }
        }
        return ecPoint.clone();
    }

    /** CKA_EC_POINT for a key: the DER OCTET STRING of its SEC1 uncompressed point or its 32 bytes. */
    static byte[] ecPoint(PublicKey key) {
        byte[] value = key instanceof dev.sigil.crypto.EcPublicKey ec ? ec.uncompressed() : key.encoded();
        byte[] out = new byte[value.length + 2];
        out[0] = 0x04;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }

    /** DER OBJECT IDENTIFIER of a dotted OID. */
    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        base128(body, new BigInteger(parts[0]).multiply(BigInteger.valueOf(40)).add(new BigInteger(parts[1])));
        for (int i = 2; i < parts.length; i++) {
            base128(body, new BigInteger(parts[i]));
        }
        byte[] b = body.toByteArray();
        byte[] out = new byte[b.length + 2];
        out[0] = 0x06;
        out[1] = (byte) b.length;
        System.arraycopy(b, 0, out, 2, b.length);
        return out;
    }

    private static void base128(ByteArrayOutputStream out, BigInteger v) {
        int groups = Math.max(1, (v.bitLength() + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int septet = v.shiftRight(7 * g).intValue() & 0x7f;
            out.write(g == 0 ? septet : septet | 0x80);
        }
    }

    private static byte[] printableString(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[b.length + 2];
        out[0] = 0x13;
        out[1] = (byte) b.length;
        System.arraycopy(b, 0, out, 2, b.length);
        return out;
    }
}
