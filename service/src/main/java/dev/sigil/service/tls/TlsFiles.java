package dev.sigil.service.tls;

import dev.sigil.service.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads certificates and keys from PEM and PKCS#12 files. Every failure is a {@link ConfigException} that names the
 * configuration field of the file; passwords never appear in a message.
 */
final class TlsFiles {
    /** Decrypts PEM keys; not installed as a JCA provider, so it changes nothing else in the process. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    private TlsFiles() {
    }

    /** A private key and its certificate chain, the end-entity certificate first. */
    record Identity(PrivateKey key, List<X509Certificate> chain) {
        Identity {
            chain = List.copyOf(chain);
        }

        X509Certificate leaf() {
            return chain.getFirst();
        }
    }

    static byte[] read(String field, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException(field + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Every certificate of a PEM file, in order; at least one. */
    static List<X509Certificate> certificates(String field, Path file) {
        byte[] bytes = read(field, file);
        List<X509Certificate> out = new ArrayList<>();
        try {
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes))) {
                out.add((X509Certificate) c);
            }
        } catch (CertificateException e) {
            throw new ConfigException(field + ": " + file + " is not a PEM certificate file (" + e.getMessage() + ")");
        }
        if (out.isEmpty()) {
            throw new ConfigException(field + ": " + file + " holds no certificate");
        }
        return out;
    }

    /**
     * The first private key of a PEM file: PKCS#8 ({@code PRIVATE KEY}, {@code ENCRYPTED PRIVATE KEY}) or OpenSSL's
     * older {@code RSA PRIVATE KEY} and {@code EC PRIVATE KEY}, plain or encrypted.
     */
    static PrivateKey privateKey(String field, Path file, String passwordField, char[] password) {
        String pem = new String(read(field, file), StandardCharsets.UTF_8);
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                PrivateKeyInfo info = switch (o) {
                    case PrivateKeyInfo p -> p;
                    case PEMKeyPair p -> p.getPrivateKeyInfo();
                    case PKCS8EncryptedPrivateKeyInfo p -> p.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER)
                                    .build(needPassword(field, passwordField, password)));
                    case PEMEncryptedKeyPair p -> decryptLegacy(p, field, passwordField, password);
                    default -> null;
                };
                if (info != null) {
                    return converter.getPrivateKey(info);
                }
            }
        } catch (PKCSException | org.bouncycastle.openssl.EncryptionException e) {
            throw new ConfigException(passwordField + ": wrong password for " + field + " (or the file is damaged)");
        } catch (OperatorCreationException | PEMException e) {
            throw new ConfigException(field + ": cannot read the key in " + file + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ConfigException(field + ": " + file + " is not a PEM file (" + e.getMessage() + ")");
        }
        throw new ConfigException(field + ": " + file + " holds no private key");
    }

    private static PrivateKeyInfo decryptLegacy(PEMEncryptedKeyPair pair, String field, String passwordField,
            char[] password) {
        try {
            return pair.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER)
                    .build(needPassword(field, passwordField, password))).getPrivateKeyInfo();
        } catch (IOException e) {
            throw new ConfigException(passwordField + ": wrong password for " + field + " (or the file is damaged)");
        }
    }

    private static char[] needPassword(String field, String passwordField, char[] password) {
        if (password.length == 0) {
            throw new ConfigException(field + ": the key is encrypted; set " + passwordField);
        }
        return password;
    }

    /** The one private key of a PKCS#12 file, with its chain. */
    static Identity pkcs12(String field, Path file, String passwordField, char[] password) {
        byte[] bytes = read(field, file);
        KeyStore store;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || password.length == 0) {
                throw new ConfigException(passwordField + ": wrong or missing password for " + field
                        + " (or the file is damaged)");
            }
            throw new ConfigException(field + ": " + file + " is not a PKCS#12 file (" + e.getMessage() + ")");
        } catch (GeneralSecurityException e) {
            throw new ConfigException(field + ": " + file + " is not a PKCS#12 file (" + e.getMessage() + ")");
        }
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new ConfigException(field + ": " + file + " must hold exactly one private key, it holds "
                        + keys.size());
            }
            PrivateKey key = (PrivateKey) store.getKey(keys.getFirst(), password);
            Certificate[] chain = store.getCertificateChain(keys.getFirst());
            if (chain == null || chain.length == 0) {
                throw new ConfigException(field + ": " + file + " holds no certificate for its key");
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
                certs.add((X509Certificate) c);
            }
            return new Identity(key, certs);
        } catch (UnrecoverableKeyException e) {
            throw new ConfigException(passwordField + ": the key in " + field + " has another password");
        } catch (GeneralSecurityException e) {
            throw new ConfigException(field + ": cannot read the key in " + file + " (" + e.getMessage() + ")");
        }
    }

    /** Checks that the key belongs to the certificate, by signing with one and verifying with the other. */
    static void checkPair(String keyField, String certField, Identity identity) {
        String algorithm = switch (identity.key().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        byte[] probe = new byte[32];
        new SecureRandom().nextBytes(probe);
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(identity.key());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(identity.leaf().getPublicKey());
            verifier.update(probe);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw new ConfigException(keyField + ": the key does not belong to the first certificate of " + certField);
        }
    }
}
