package dev.sigil.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates and keys for the TLS tests, made with Bouncy Castle, and the files and client contexts built on them. */
final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private TestPki() {
    }

    /** A certificate with its key pair; {@code chain} is the certificate then its issuers (without the root). */
    record Issued(X509Certificate certificate, KeyPair keys, List<X509Certificate> chain) {
        String fingerprint() {
            return TestPki.fingerprint(certificate);
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ecKeys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Issued ca(String name) {
        KeyPair keys = ecKeys();
        return new Issued(build(name, keys, name, keys, Kind.CA), keys, List.of());
    }

    /** A CA certificate issued by another CA. */
    static Issued intermediate(Issued ca, String name) {
        KeyPair keys = ecKeys();
        X509Certificate c = build(name, keys, subject(ca), ca.keys(), Kind.CA);
        return new Issued(c, keys, List.of(c));
    }

    static Issued server(Issued ca, String name) {
        KeyPair keys = ecKeys();
        X509Certificate c = build(name, keys, subject(ca), ca.keys(), Kind.SERVER);
        return new Issued(c, keys, List.of(c));
    }

    static Issued client(Issued ca, String name) {
        KeyPair keys = ecKeys();
        X509Certificate c = build(name, keys, subject(ca), ca.keys(), Kind.CLIENT);
        return new Issued(c, keys, List.of(c));
    }

    /** A client certificate signed by its own key (trusted by fingerprint only). */
    static Issued selfSignedClient(String name) {
        KeyPair keys = ecKeys();
        X509Certificate c = build(name, keys, name, keys, Kind.CLIENT);
        return new Issued(c, keys, List.of(c));
    }

    private static String subject(Issued ca) {
        return ca.certificate().getSubjectX500Principal().getName();
    }

    private enum Kind { CA, SERVER, CLIENT }

    private static X509Certificate build(String subject, KeyPair keys, String issuer, KeyPair issuerKeys, Kind kind) {
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(dn(issuer)),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), new X500Name(dn(subject)), keys.getPublic());
            switch (kind) {
                case CA -> {
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case SERVER -> {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                        new GeneralName(GeneralName.dNSName, "localhost")}));
                }
                case CLIENT -> {
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
                }
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dn(String name) {
        return name.contains("=") ? name : "CN=" + name;
    }

    static Path writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (X509Certificate c : certificates) {
                w.writeObject(c);
            }
        }
        return Files.writeString(file, out.toString());
    }

    /** The key as unencrypted PKCS#8 PEM. */
    static Path writeKey(Path file, Issued issued) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new JcaPKCS8Generator(issued.keys().getPrivate(), null));
        }
        return Files.writeString(file, out.toString());
    }

    /** The key as PKCS#8 encrypted with AES-256-CBC under the password (PBES2, as {@code openssl pkcs8} writes). */
    static Path writeEncryptedKey(Path file, Issued issued, char[] password) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new JcaPKCS8Generator(issued.keys().getPrivate(),
                    new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC).setProvider(BC)
                            .setPassword(password).build()));
        }
        return Files.writeString(file, out.toString());
    }

    static Path writePkcs12(Path file, Issued issued, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", issued.keys().getPrivate(), password,
                issued.chain().toArray(new X509Certificate[0]));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    /** A client context trusting the CA, presenting the client certificate when one is given. */
    static SSLContext clientContext(X509Certificate trusted, Issued client) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trusted);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (client != null) {
                char[] pw = "in-memory".toCharArray();
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", client.keys().getPrivate(), pw,
                        client.chain().toArray(new X509Certificate[0]));
                kmf = KeyManagerFactory.getInstance("PKIX");
                kmf.init(keys, pw);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
