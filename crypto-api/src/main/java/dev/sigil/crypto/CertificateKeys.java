package dev.sigil.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9FieldID;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The public key of a verify item given as an X.509 certificate (the API's {@code certificate} field): the
 * certificate must be one strict-DER X.509 {@code Certificate} and its SubjectPublicKeyInfo a key of the item's
 * scheme; the key bytes are then parsed exactly as a {@code publicKey} would be. Validity dates, extensions, the
 * issuer's signature and the chain are not looked at: membership is the caller's business.
 *
 * <p>Keys are recognised as the contract says: id-ecPublicKey with the named curve secp256k1, prime256v1 or
 * sm2p256v1 (explicit parameters equal to one of these count as that curve), and id-Ed25519 without parameters.
 */
public final class CertificateKeys {
    /** The schemes whose items may carry a certificate instead of a public key. */
    public static final Set<Scheme> SCHEMES = Collections.unmodifiableSet(
            EnumSet.of(Scheme.ECDSA_SECP256K1, Scheme.ECDSA_P256, Scheme.SM2, Scheme.ED25519));

    /** id-Ed25519 (RFC 8410). */
    static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    /** Deepest nesting of constructed encodings accepted (an X.509 certificate needs about eight). */
    static final int MAX_DEPTH = 32;

    private CertificateKeys() {
    }

    /**
     * The certificate's public key, checked against the scheme.
     *
     * @throws MalformedInputException {@link ProblemCode#MALFORMED_CERTIFICATE} when the bytes are not one DER
     *     X.509 certificate, {@link ProblemCode#CERTIFICATE_KEY_MISMATCH} when its key is of another algorithm or
     *     curve, and the codes of {@link PublicKey#parse} when the key bytes are not a valid key
     */
    public static PublicKey parse(Scheme scheme, byte[] der) {
        if (!SCHEMES.contains(scheme)) {
            throw new MalformedInputException(ProblemCode.MALFORMED_ITEM,
                    "certificate is not allowed for " + scheme.wireName() + " items");
        }
        SubjectPublicKeyInfo spki = subjectPublicKeyInfo(der);
        checkAlgorithm(scheme, spki.getAlgorithm());
        ASN1BitString bits = spki.getPublicKeyData();
        if (bits.getPadBits() != 0) {
            throw malformed("the subject public key is not a whole number of bytes");
        }
        return PublicKey.parse(scheme, bits.getOctets());
    }

    private static SubjectPublicKeyInfo subjectPublicKeyInfo(byte[] der) {
        checkStructure(der);
        Certificate certificate;
        try {
            ASN1Primitive parsed = ASN1Primitive.fromByteArray(der);
            certificate = Certificate.getInstance(parsed);
            if (!Arrays.equals(certificate.getEncoded(ASN1Encoding.DER), der)) {
                throw malformed("the certificate is not in DER (its canonical encoding differs)");
            }
            return certificate.getSubjectPublicKeyInfo();
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports structural problems with a handful of unchecked exception types
            if (e instanceof MalformedInputException m) {
                throw m;
            }
            throw malformed("not an X.509 certificate");
        }
    }

    /**
     * Walks the TLVs without recursion: definite lengths only (DER has no other), each inside its parent, nothing
     * after the outer SEQUENCE, nesting bounded; so the full parser never meets unbounded depth.
     */
    static void checkStructure(byte[] der) {
        if (der.length < 2 || der[0] != 0x30) {
            throw malformed("a certificate is a DER SEQUENCE");
        }
        int[] ends = new int[MAX_DEPTH + 1];
        int depth = 0;
        ends[0] = der.length;
        int at = 0;
        while (at < der.length) {
            while (depth > 0 && at == ends[depth]) {
                depth--;
            }
            int tag = der[at++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                throw malformed("high tag numbers do not occur in a certificate");
            }
            if (at >= ends[depth]) {
                throw malformed("the certificate is truncated");
            }
            int first = der[at++] & 0xff;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7f;
                if (n == 0) {
                    throw malformed("indefinite lengths are not DER");
                }
                if (n > 4 || at + n > ends[depth]) {
                    throw malformed("the certificate is truncated or has an impossible length");
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (der[at++] & 0xff);
                }
            }
            if (length > ends[depth] - at) {
                throw malformed("the certificate is truncated");
            }
            if (depth == 0 && at + length != der.length) {
                throw malformed("bytes after the certificate");
            }
            if ((tag & 0x20) != 0) {
                if (depth == MAX_DEPTH) {
                    throw malformed("the certificate nests deeper than " + MAX_DEPTH + " levels");
                }
                ends[++depth] = at + (int) length;
            } else {
                at += (int) length;
            }
        }
    }

    private static void checkAlgorithm(Scheme scheme, AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        ASN1Encodable parameters = algorithm.getParameters();
        if (scheme == Scheme.ED25519) {
            if (!ID_ED25519.equals(oid)) {
                throw mismatch(scheme, describe(oid, parameters));
            }
            if (parameters != null) {
                throw malformed("an Ed25519 key has no algorithm parameters (RFC 8410)");
            }
            return;
        }
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            throw mismatch(scheme, describe(oid, parameters));
        }
        Curve curve = scheme.requireCurve();
        Optional<Curve> named = curveOf(parameters);
        if (named.isEmpty() || named.get() != curve) {
            throw mismatch(scheme, describe(oid, parameters));
        }
    }

    /** The curve of id-ecPublicKey parameters: a named curve, or explicit parameters equal to a known curve. */
    private static Optional<Curve> curveOf(ASN1Encodable parameters) {
        if (parameters instanceof ASN1ObjectIdentifier named) {
            return Arrays.stream(Curve.values()).filter(c -> c.oid().equals(named.getId())).findFirst();
        }
        if (parameters instanceof ASN1Sequence explicit) {
            X9ECParameters x9;
            try {
                if (!onKnownPrimeField(explicit)) {
                    return Optional.empty();
                }
                x9 = X9ECParameters.getInstance(explicit);
            } catch (RuntimeException e) {
                throw malformed("the key's explicit curve parameters do not parse");
            }
            return Arrays.stream(Curve.values()).filter(c -> sameCurve(c, x9)).findFirst();
        }
        return Optional.empty();
    }

    /** Checked before the parameters are built into a curve, which tests its prime (costly for unknown ones). */
    private static boolean onKnownPrimeField(ASN1Sequence explicit) {
        X9FieldID field = X9FieldID.getInstance(explicit.getObjectAt(1));
        if (!X9ObjectIdentifiers.prime_field.equals(field.getIdentifier())) {
            return false;
        }
        BigInteger p = ASN1Integer.getInstance(field.getParameters()).getValue();
        return Arrays.stream(Curve.values()).anyMatch(c -> c.p().equals(p));
    }

    private static boolean sameCurve(Curve c, X9ECParameters x9) {
        ECPoint g = x9.getG().normalize();
        BigInteger h = x9.getH();
        return x9.getCurve().getField().getCharacteristic().equals(c.p())
                && x9.getCurve().getA().toBigInteger().equals(c.a())
                && x9.getCurve().getB().toBigInteger().equals(c.b())
                && g.getAffineXCoord().toBigInteger().equals(c.gx())
                && g.getAffineYCoord().toBigInteger().equals(c.gy())
                && x9.getN().equals(c.n())
                && (h == null || h.equals(BigInteger.ONE));
    }

    private static String describe(ASN1ObjectIdentifier oid, ASN1Encodable parameters) {
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            return curveOf(parameters).map(c -> "an EC key on " + c.curveName())
                    .orElse("an EC key on another curve"
                            + (parameters instanceof ASN1ObjectIdentifier o ? " (" + o.getId() + ")" : ""));
        }
        if (ID_ED25519.equals(oid)) {
            return "an Ed25519 key";
        }
        return "a key of algorithm " + oid.getId();
    }

    private static MalformedInputException mismatch(Scheme scheme, String holds) {
        return new MalformedInputException(ProblemCode.CERTIFICATE_KEY_MISMATCH,
                "the certificate holds " + holds + ", not a key of " + scheme.wireName());
    }

    private static MalformedInputException malformed(String detail) {
        return new MalformedInputException(ProblemCode.MALFORMED_CERTIFICATE, detail);
    }
}
