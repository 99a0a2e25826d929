package dev.sigil.crypto.testing;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Scheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * X.509 certificates made with Bouncy Castle's PKIX builder around any public key bytes (valid or not), as Fabric
 * and ChainMaker identities carry them: self-signed in name (issuer = subject), signed by one fixed P-256 test key,
 * since the service reads only the SubjectPublicKeyInfo. Certificates are kept per key, so wrapping a vector file
 * costs one signature per distinct key.
 */
public final class TestCertificates {
    /** id-ecPublicKey. */
    public static final ASN1ObjectIdentifier EC = X9ObjectIdentifiers.id_ecPublicKey;
    /** id-Ed25519 (RFC 8410). */
    public static final ASN1ObjectIdentifier ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

    private static final ContentSigner SIGNER = signer();
    private static final AtomicLong SERIAL = new AtomicLong(1);
    private static final Map<String, byte[]> MADE = new ConcurrentHashMap<>();

    private TestCertificates() {
    }

    /** The SubjectPublicKeyInfo algorithm the contract gives the scheme. */
    public static AlgorithmIdentifier algorithm(Scheme scheme) {
        return scheme == Scheme.ED25519 ? new AlgorithmIdentifier(ED25519)
                : ecOn(scheme.requireCurve());
    }

    /** id-ecPublicKey with the curve named by its OID. */
    public static AlgorithmIdentifier ecOn(Curve curve) {
        return new AlgorithmIdentifier(EC, new ASN1ObjectIdentifier(curve.oid()));
    }

    /** A certificate holding these key bytes under the scheme's algorithm. */
    public static byte[] of(Scheme scheme, byte[] key) {
        return MADE.computeIfAbsent(scheme + "/" + java.util.HexFormat.of().formatHex(key),
                k -> of(algorithm(scheme), key)).clone();
    }

    /** A certificate holding these key bytes under any algorithm identifier. */
    public static byte[] of(AlgorithmIdentifier algorithm, byte[] key) {
        return of(new SubjectPublicKeyInfo(algorithm, key));
    }

    /** A certificate with this SubjectPublicKeyInfo. */
    public static byte[] of(SubjectPublicKeyInfo spki) {
        return of(spki, 0);
    }

    /** A certificate with this SubjectPublicKeyInfo and, when {@code padding > 0}, an extension that long. */
    public static synchronized byte[] of(SubjectPublicKeyInfo spki, int padding) {
        X500Name name = new X500Name("CN=sigil test identity,O=Org1,OU=peer");
        long now = System.currentTimeMillis();
        X509v3CertificateBuilder b = new X509v3CertificateBuilder(name, BigInteger.valueOf(SERIAL.getAndIncrement()),
                new Date(now - 86_400_000L), new Date(now + 86_400_000L * 365), name, spki);
        try {
            if (padding > 0) {
                b.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), false,
                        new DEROctetString(new byte[padding]));
            }
            return b.build(SIGNER).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An algorithm identifier with parameters, for the odd shapes tests need. */
    public static AlgorithmIdentifier algorithm(ASN1ObjectIdentifier oid, ASN1Encodable parameters) {
        return new AlgorithmIdentifier(oid, parameters);
    }

    /** The item with its key given as a certificate. */
    public static EncodedItem wrap(Scheme scheme, EncodedItem item) {
        return item.withCertificate(of(scheme, item.publicKey()));
    }

    private static ContentSigner signer() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = g.generateKeyPair();
            return new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make the test certificate signer", e);
        }
    }
}
