package dev.sigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.crypto.testing.OpenSsl;
import dev.sigil.crypto.testing.TestCertificates;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.DERBitString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys from X.509 certificates: certificates made by Bouncy Castle's PKIX builder and by the openssl command line
 * give exactly the key they hold; keys of another algorithm or curve are {@code certificate-key-mismatch}; bytes
 * that are not one DER certificate are {@code malformed-certificate}; a bad key inside a good certificate gets the
 * codes of a bad {@code publicKey}; the cache is bounded.
 */
class CertificateKeysTest {
    private static final List<Scheme> SCHEMES = List.of(Scheme.ECDSA_SECP256K1, Scheme.ECDSA_P256, Scheme.SM2,
            Scheme.ED25519);

    @TempDir
    Path dir;

    private static byte[] key(Scheme scheme, long seed) {
        return AdversarialItems.key(scheme, seed).publicKey().encoded();
    }

    private static ProblemCode codeOf(Scheme scheme, byte[] der) {
        try {
            CertificateKeys.parse(scheme, der);
            return null;
        } catch (MalformedInputException e) {
            return e.code();
        }
    }

    @Test
    void bcpkixCertificate_givesExactlyTheKeyItHolds_forEveryScheme() {
        for (Scheme s : SCHEMES) {
            byte[] key = key(s, 1);
            assertThat(CertificateKeys.parse(s, TestCertificates.of(s, key)).encoded()).as(s.wireName())
                    .isEqualTo(key);
            if (s != Scheme.ED25519) {
                byte[] compressed = ((EcPublicKey) PublicKey.parse(s, key)).compressed();
                assertThat(CertificateKeys.parse(s, TestCertificates.of(s, compressed)).encoded())
                        .as(s.wireName() + " compressed").isEqualTo(compressed);
            }
        }
        assertThat(CertificateKeys.SCHEMES).containsExactlyInAnyOrderElementsOf(SCHEMES);
    }

    @Test
    void opensslCertificate_givesTheKeyOpensslPrints_namedCompressedAndExplicit() {
        OpenSsl openssl = OpenSsl.in(dir);
        List<String> failures = new ArrayList<>();
        for (Scheme s : SCHEMES) {
            List<String> variants = s == Scheme.ED25519 ? List.of("") : List.of("", "compressed", "explicit");
            for (String v : variants) {
                OpenSsl.Identity id = openssl.identity(s, v);
                try {
                    byte[] got = CertificateKeys.parse(s, id.certificate()).encoded();
                    if (!Arrays.equals(got, id.publicKey())) {
                        failures.add(s + " " + v + ": got " + Hex.encode(got) + ", openssl "
                                + Hex.encode(id.publicKey()));
                    }
                } catch (MalformedInputException e) {
                    failures.add(s + " " + v + ": " + e.code().code() + " " + e.getMessage());
                }
                for (Scheme other : SCHEMES) {
                    ProblemCode code = codeOf(other, id.certificate());
                    if (other != s && code != ProblemCode.CERTIFICATE_KEY_MISMATCH) {
                        failures.add(s + " " + v + " certificate for a " + other + " item: " + code);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void keyOfAnotherScheme_isCertificateKeyMismatch_everyPair() {
        List<String> failures = new ArrayList<>();
        for (Scheme holder : SCHEMES) {
            byte[] cert = TestCertificates.of(holder, key(holder, 2));
            for (Scheme item : SCHEMES) {
                ProblemCode code = codeOf(item, cert);
                ProblemCode want = item == holder ? null : ProblemCode.CERTIFICATE_KEY_MISMATCH;
                if (code != want) {
                    failures.add(holder + " key for a " + item + " item: " + code);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void keyOfAnotherAlgorithmOrCurve_isCertificateKeyMismatch() throws Exception {
        byte[] p256 = key(Scheme.ECDSA_P256, 3);
        byte[] ed = key(Scheme.ED25519, 3);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        X9ECParameters p384 = ECNamedCurveTable.getByName("secp384r1");
        X9ECParameters sm2 = ECNamedCurveTable.getByName("sm2p256v1");
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("RSA key", new Object[] {Scheme.ECDSA_P256,
                TestCertificates.of(SubjectPublicKeyInfo.getInstance(rsa.generateKeyPair().getPublic().getEncoded()))});
        cases.put("P-384 named", new Object[] {Scheme.ECDSA_P256, TestCertificates.of(
                new AlgorithmIdentifier(TestCertificates.EC, new ASN1ObjectIdentifier("1.3.132.0.34")), p256)});
        cases.put("P-384 explicit", new Object[] {Scheme.ECDSA_P256, TestCertificates.of(
                new AlgorithmIdentifier(TestCertificates.EC, p384), p256)});
        cases.put("sm2 explicit for p256", new Object[] {Scheme.ECDSA_P256, TestCertificates.of(
                new AlgorithmIdentifier(TestCertificates.EC, sm2), p256)});
        cases.put("implicitCA (NULL)", new Object[] {Scheme.ECDSA_P256, TestCertificates.of(
                new AlgorithmIdentifier(TestCertificates.EC, DERNull.INSTANCE), p256)});
        cases.put("no curve", new Object[] {Scheme.ECDSA_P256, TestCertificates.of(
                new AlgorithmIdentifier(TestCertificates.EC), p256)});
        cases.put("SM2 OID as the algorithm", new Object[] {Scheme.SM2, TestCertificates.of(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.156.10197.1.301")), key(Scheme.SM2, 3))});
        cases.put("X25519", new Object[] {Scheme.ED25519, TestCertificates.of(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.101.110")), ed)});
        cases.put("Ed448", new Object[] {Scheme.ED25519, TestCertificates.of(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.101.113")), new byte[57])});
        cases.put("Ed25519 OID under id-ecPublicKey", new Object[] {Scheme.ED25519, TestCertificates.of(
                new AlgorithmIdentifier(TestCertificates.EC, TestCertificates.ED25519), ed)});
        List<String> failures = new ArrayList<>();
        cases.forEach((name, c) -> {
            ProblemCode code = codeOf((Scheme) c[0], (byte[]) c[1]);
            if (code != ProblemCode.CERTIFICATE_KEY_MISMATCH) {
                failures.add(name + ": " + code);
            }
        });
        assertThat(failures).isEmpty();
        assertThat(CertificateKeys.parse(Scheme.SM2, TestCertificates.of(
                new AlgorithmIdentifier(TestCertificates.EC, sm2), key(Scheme.SM2, 4))).encoded())
                .as("explicit parameters equal to sm2p256v1 are that curve").isEqualTo(key(Scheme.SM2, 4));
    }

    @Test
    void bytesThatAreNotOneDerCertificate_areMalformedCertificate() {
        byte[] good = TestCertificates.of(Scheme.ECDSA_P256, key(Scheme.ECDSA_P256, 5));
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("empty", new byte[0]);
        cases.put("one byte", new byte[] {0x30});
        for (int n = 1; n < good.length; n++) {
            cases.put("truncated to " + n, Arrays.copyOf(good, n));
        }
        cases.put("trailing byte", Arrays.copyOf(good, good.length + 1));
        cases.put("second certificate after it", concat(good, good));
        cases.put("PEM text", pem(good).getBytes(StandardCharsets.US_ASCII));
        cases.put("base64 text", Base64.getEncoder().encode(good));
        cases.put("indefinite length (BER)", indefinite(good));
        cases.put("non-minimal length", nonMinimalLength(good));
        cases.put("a bare SubjectPublicKeyInfo", spki(Scheme.ECDSA_P256, key(Scheme.ECDSA_P256, 5)));
        cases.put("a public key", key(Scheme.ECDSA_P256, 5));
        cases.put("deep nesting", deep(200_000));
        cases.put("Ed25519 with NULL parameters", TestCertificates.of(
                new AlgorithmIdentifier(TestCertificates.ED25519, DERNull.INSTANCE), key(Scheme.ED25519, 5)));
        Random random = new Random(20261201);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[random.nextInt(600)];
            random.nextBytes(garbage);
            if (i % 2 == 0 && garbage.length > 4) {
                garbage[0] = 0x30;
            }
            cases.put("garbage " + i, garbage);
        }
        for (int i = 0; i < 300; i++) {
            byte[] flipped = good.clone();
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
            ProblemCode code = codeOf(Scheme.ECDSA_P256, flipped);
            assertThat(code).as("a flipped bit gives a key or a code, never another exception").isIn(null,
                    ProblemCode.MALFORMED_CERTIFICATE, ProblemCode.CERTIFICATE_KEY_MISMATCH,
                    ProblemCode.INVALID_PUBLIC_KEY, ProblemCode.MALFORMED_PUBLIC_KEY);
        }
        List<String> failures = new ArrayList<>();
        cases.forEach((name, der) -> {
            ProblemCode code = codeOf(Scheme.ECDSA_P256, der);
            if (name.startsWith("Ed25519")) {
                code = codeOf(Scheme.ED25519, der);
            }
            if (code != ProblemCode.MALFORMED_CERTIFICATE) {
                failures.add(name + ": " + code);
            }
        });
        assertThat(failures).isEmpty();
        assertThat(codeOf(Scheme.ECDSA_P256, good)).isNull();
    }

    @Test
    void badKeyInAGoodCertificate_getsTheCodeOfTheSameBadPublicKey() {
        Map<Scheme, List<byte[]>> keys = Map.of(
                Scheme.ECDSA_P256, List.of(Hex.decode("k", "04" + "01".repeat(64)), Hex.decode("k",
                        "06" + "11".repeat(64)), new byte[] {0x04}, new byte[0], new byte[] {0x00}),
                Scheme.SM2, List.of(Hex.decode("k", "02" + "ff".repeat(32)), new byte[33]),
                Scheme.ECDSA_SECP256K1, List.of(Hex.decode("k", "03" + "00".repeat(31) + "05")),
                Scheme.ED25519, List.of(new byte[31], Hex.decode("k", "ff".repeat(32)), new byte[33]));
        List<String> failures = new ArrayList<>();
        keys.forEach((s, list) -> list.forEach(k -> {
            ProblemCode bare;
            try {
                PublicKey.parse(s, k);
                bare = null;
            } catch (MalformedInputException e) {
                bare = e.code();
            }
            ProblemCode viaCert = codeOf(s, TestCertificates.of(s, k));
            if (bare == null || bare != viaCert) {
                failures.add(s + " " + Hex.encode(k) + ": bare " + bare + ", in a certificate " + viaCert);
            }
        }));
        assertThat(failures).isEmpty();
        byte[] padded = TestCertificates.of(new SubjectPublicKeyInfo(TestCertificates.algorithm(Scheme.ED25519),
                new DERBitString(key(Scheme.ED25519, 6), 1)));
        assertThat(codeOf(Scheme.ED25519, padded)).as("a key of 255 bits").isEqualTo(
                ProblemCode.MALFORMED_CERTIFICATE);
    }

    @Test
    void builder_certificateItem_isTheBareKeyItem_andBothOrNeitherIsMalformedItem() {
        for (Scheme s : SCHEMES) {
            byte[] key = key(s, 7);
            byte[] message = "a transaction".getBytes(StandardCharsets.UTF_8);
            EncodedItem bare = EncodedItem.ofMessage(key, message, AdversarialItems.sign(
                    AdversarialItems.key(s, 7), message));
            bare = bare.withFormat(SignatureFormat.RAW);
            EncodedItem cert = bare.withCertificate(TestCertificates.of(s, key));
            EncodedItem both = new EncodedItem(key, message, null, bare.signature(), bare.format(), null,
                    cert.certificate());
            EncodedItem neither = new EncodedItem(null, message, null, bare.signature(), bare.format(), null, null);
            VerifyBatch batch = VerifyBatch.builder(s, RuleSet.STANDARD).add(bare).add(cert).add(both).add(neither)
                    .build();
            assertThat(batch.isPending(0)).as(s.wireName()).isTrue();
            assertThat(batch.isPending(1)).as(s.wireName()).isTrue();
            assertThat(batch.key(1).encoded()).isEqualTo(batch.key(0).encoded());
            assertThat(VerifyBatch.slot(batch.digests(), 1)).isEqualTo(VerifyBatch.slot(batch.digests(), 0));
            assertThat(VerifyBatch.slot(batch.r(), 1)).isEqualTo(VerifyBatch.slot(batch.r(), 0));
            assertThat(batch.message(1)).isEqualTo(batch.message(0));
            Outcome[] preset = batch.newOutcomes();
            assertThat(preset[2].problem()).isEqualTo(ProblemCode.MALFORMED_ITEM);
            assertThat(preset[3].problem()).isEqualTo(ProblemCode.MALFORMED_ITEM);
        }
    }

    @Test
    void cache_returnsOneParsedKeyPerCertificate_andNeverHoldsMoreThanItsBounds() {
        CertificateCache cache = new CertificateCache(8, 4_000);
        byte[] der = TestCertificates.of(Scheme.ECDSA_P256, key(Scheme.ECDSA_P256, 8));
        byte[] copy = der.clone();
        PublicKey first = cache.parse(Scheme.ECDSA_P256, der);
        assertThat(cache.parse(Scheme.ECDSA_P256, copy.clone())).isSameAs(first);
        der[der.length - 1] ^= 1;
        assertThat(cache.parse(Scheme.ECDSA_P256, copy)).as("the cache holds its own copy of the bytes")
                .isSameAs(first);
        assertThat(cache.size()).isOne();
        for (int i = 0; i < 100; i++) {
            Scheme s = SCHEMES.get(i % SCHEMES.size());
            byte[] cert = TestCertificates.of(TestCertificates.algorithm(s), key(s, 1000 + i));
            cache.parse(s, cert);
            assertThat(cache.size()).isBetween(1, 8);
            assertThat(cache.bytes()).isBetween(1L, 4_000L);
        }
        CertificateCache byBytes = new CertificateCache(1_000, 1_500);
        for (int i = 0; i < 30; i++) {
            byBytes.parse(Scheme.ED25519, TestCertificates.of(TestCertificates.algorithm(Scheme.ED25519),
                    key(Scheme.ED25519, 2000 + i)));
            assertThat(byBytes.bytes()).isBetween(1L, 1_500L);
            assertThat(byBytes.size()).isLessThan(1_500 / 200);
        }
    }

    @Test
    void cache_holdsNeitherFailuresNorHugeCertificates() {
        CertificateCache cache = new CertificateCache(100, 1L << 30);
        byte[] p256 = TestCertificates.of(Scheme.ECDSA_P256, key(Scheme.ECDSA_P256, 9));
        for (Scheme other : List.of(Scheme.ED25519, Scheme.SM2)) {
            try {
                cache.parse(other, p256);
            } catch (MalformedInputException e) {
                assertThat(e.code()).isEqualTo(ProblemCode.CERTIFICATE_KEY_MISMATCH);
            }
        }
        assertThat(cache.size()).isZero();
        byte[] huge = TestCertificates.of(new SubjectPublicKeyInfo(TestCertificates.algorithm(Scheme.ECDSA_P256),
                key(Scheme.ECDSA_P256, 10)), CertificateCache.MAX_CACHED_BYTES);
        assertThat(huge.length).isGreaterThan(CertificateCache.MAX_CACHED_BYTES);
        assertThat(cache.parse(Scheme.ECDSA_P256, huge).encoded()).isEqualTo(key(Scheme.ECDSA_P256, 10));
        assertThat(cache.size()).isZero();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** The outer SEQUENCE re-encoded with BER's indefinite length (contents, then 00 00). */
    private static byte[] indefinite(byte[] der) {
        int header = headerLength(der);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(0x80);
        out.write(der, header, der.length - header);
        out.write(0);
        out.write(0);
        return out.toByteArray();
    }

    /** The outer length written with one byte more than it needs. */
    private static byte[] nonMinimalLength(byte[] der) {
        int header = headerLength(der);
        int length = der.length - header;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.write(0x83);
        out.write(0);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(der, header, length);
        return out.toByteArray();
    }

    private static int headerLength(byte[] der) {
        int first = der[1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    private static byte[] spki(Scheme s, byte[] key) {
        try {
            return new SubjectPublicKeyInfo(TestCertificates.algorithm(s), key).getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** SEQUENCE { SEQUENCE { ... NULL } } nested {@code depth} times, every length exact and minimal. */
    private static byte[] deep(int depth) {
        int[] lengths = new int[depth + 1];
        lengths[0] = 2;
        for (int i = 1; i <= depth; i++) {
            lengths[i] = 1 + lengthBytes(lengths[i - 1]).length + lengths[i - 1];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(lengths[depth]);
        for (int i = depth; i >= 1; i--) {
            out.write(0x30);
            out.writeBytes(lengthBytes(lengths[i - 1]));
        }
        out.write(0x05);
        out.write(0x00);
        return out.toByteArray();
    }

    private static byte[] lengthBytes(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        byte[] big = BigInteger.valueOf(n).toByteArray();
        if (big[0] == 0) {
            big = Arrays.copyOfRange(big, 1, big.length);
        }
        return prefix(big);
    }

    private static byte[] prefix(byte[] lengthBytes) {
        byte[] out = new byte[lengthBytes.length + 1];
        out[0] = (byte) (0x80 | lengthBytes.length);
        System.arraycopy(lengthBytes, 0, out, 1, lengthBytes.length);
        return out;
    }
}
