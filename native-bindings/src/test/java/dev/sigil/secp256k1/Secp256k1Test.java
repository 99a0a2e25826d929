package dev.sigil.secp256k1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binding against Bouncy Castle (ECDSA) and the official BIP-340 vectors (Schnorr). */
class Secp256k1Test {
    private static final X9ECParameters X9 = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters D = new ECDomainParameters(X9);
    private static final BigInteger N = X9.getN();
    private static final HexFormat HEX = HexFormat.of();
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "sigil-test-native");
    private static final Secp256k1 LIB = Secp256k1.bundled(CACHE);

    @AfterAll
    static void close() {
        LIB.close();
        assertThat(Secp256k1.illegalArgumentCalls()).isZero();
    }

    @Test
    void bundledLibrary_isExtractedUnderItsHash_andAForgedFileIsReplaced(@TempDir Path dir) throws IOException {
        Path file = BundledLibrary.extract(dir);
        assertThat(file.getParent().getFileName().toString()).startsWith("secp256k1-").hasSize(10 + 64);
        String hash = BundledLibrary.sha256(Files.readAllBytes(file));
        assertThat(file.getParent().getFileName().toString()).isEqualTo("secp256k1-" + hash);
        Files.write(file, new byte[] {1, 2, 3});
        assertThat(BundledLibrary.extract(dir)).isEqualTo(file);
        assertThat(BundledLibrary.sha256(Files.readAllBytes(file))).isEqualTo(hash);
        try (Secp256k1 again = Secp256k1.bundled(dir)) {
            assertThat(again.description()).contains("0.23.0");
        }
    }

    @Test
    void aMissingLibrary_isALoadFailure(@TempDir Path dir) {
        assertThatThrownBy(() -> Secp256k1.open(dir.resolve("nope.so"), "x"))
                .isInstanceOfSatisfying(Secp256k1Exception.class,
                        e -> assertThat(e.reason()).isEqualTo(Secp256k1Exception.Reason.LOAD_FAILED));
    }

    @Test
    void ecdsa_signaturesEqualBouncyCastleRfc6979_verifyBothWays_andRecoverTheSigner() {
        Random rnd = new Random(1);
        Secp256k1.Workspace w = LIB.workspace();
        for (int i = 0; i < 300; i++) {
            BigInteger d = new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
            byte[] secret = fixed(d);
            byte[] digest = new byte[32];
            rnd.nextBytes(digest);
            ECPoint q = new FixedPointCombMultiplier().multiply(D.getG(), d).normalize();
            byte[] sec1 = q.getEncoded(i % 2 == 0);

            byte[] sig = new byte[64];
            int recid = w.signEcdsaRecoverable(secret.clone(), digest, sig);
            ECDSASigner bc = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            bc.init(true, new ECPrivateKeyParameters(d, D));
            BigInteger[] rs = bc.generateSignature(digest);
            BigInteger lowS = rs[1].min(N.subtract(rs[1]));
            assertThat(sig).as("item %d", i).isEqualTo(concat(fixed(rs[0]), fixed(lowS)));

            Secp256k1.Pubkey key = LIB.parsePublicKey(sec1).orElseThrow();
            assertThat(LIB.serialize(key, i % 2 == 0)).isEqualTo(sec1);
            assertThat(w.verifyEcdsa(key, digest, 0, sig, 0, sig, 32)).isTrue();
            byte[] highS = fixed(N.subtract(lowS));
            assertThat(w.verifyEcdsa(key, digest, 0, sig, 0, highS, 0)).as("high S, normalized first").isTrue();
            ECDSASigner check = new ECDSASigner();
            check.init(false, new ECPublicKeyParameters(q, D));
            assertThat(check.verifySignature(digest, rs[0], lowS)).isTrue();

            byte[] other = digest.clone();
            other[rnd.nextInt(32)] ^= (byte) (1 << rnd.nextInt(8));
            assertThat(w.verifyEcdsa(key, other, 0, sig, 0, sig, 32)).isFalse();

            assertThat(recid).isBetween(0, 3);
            assertThat(LIB.serialize(w.recover(sig, recid, digest).orElseThrow(), false)).isEqualTo(q.getEncoded(false));
            assertThat(w.recover(sig, recid ^ 1, digest).map(k -> LIB.serialize(k, false)))
                    .hasValueSatisfying(k -> assertThat(k).isNotEqualTo(q.getEncoded(false)));
            assertThat(LIB.serialize(w.publicKey(secret), true)).isEqualTo(q.getEncoded(true));
        }
    }

    @Test
    void ecdsa_outOfRangeScalars_doNotVerify() {
        byte[] key = new FixedPointCombMultiplier().multiply(D.getG(), BigInteger.TEN).normalize().getEncoded(true);
        Secp256k1.Pubkey k = LIB.parsePublicKey(key).orElseThrow();
        byte[] digest = new byte[32];
        byte[] one = fixed(BigInteger.ONE);
        Secp256k1.Workspace w = LIB.workspace();
        assertThat(w.verifyEcdsa(k, digest, 0, fixed(N), 0, one, 0)).isFalse();
        assertThat(w.verifyEcdsa(k, digest, 0, one, 0, fixed(N), 0)).isFalse();
        assertThat(w.verifyEcdsa(k, digest, 0, new byte[32], 0, one, 0)).isFalse();
        assertThat(w.verifyEcdsa(k, digest, 0, one, 0, new byte[32], 0)).isFalse();
    }

    @Test
    void invalidKeysAndSecrets_areRejected() {
        byte[] notOnCurve = new byte[33];
        notOnCurve[0] = 0x02;
        notOnCurve[32] = 5; // x = 5: 125 + 7 = 132 is not a square mod p
        assertThat(LIB.parsePublicKey(notOnCurve)).isEmpty();
        assertThat(LIB.parsePublicKey(new byte[65])).isEmpty();
        assertThat(LIB.parsePublicKey(new byte[] {0x02})).isEmpty();
        assertThat(LIB.parseXonlyPublicKey(Arrays.copyOfRange(notOnCurve, 1, 33))).isEmpty();
        Secp256k1.Workspace w = LIB.workspace();
        for (byte[] bad : List.of(new byte[32], fixed(N))) {
            assertThatThrownBy(() -> w.signEcdsaRecoverable(bad, new byte[32], new byte[64]))
                    .isInstanceOfSatisfying(Secp256k1Exception.class,
                            e -> assertThat(e.reason()).isEqualTo(Secp256k1Exception.Reason.INVALID_SECRET_KEY));
            assertThatThrownBy(() -> w.signSchnorr(bad, new byte[32], new byte[32], new byte[64]))
                    .isInstanceOf(Secp256k1Exception.class);
            assertThatThrownBy(() -> w.signSchnorrMessage(bad, new byte[3], new byte[32], new byte[64]))
                    .isInstanceOfSatisfying(Secp256k1Exception.class,
                            e -> assertThat(e.reason()).isEqualTo(Secp256k1Exception.Reason.INVALID_SECRET_KEY));
        }
        assertThatThrownBy(() -> w.recover(new byte[64], 4, new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bip340_officialVectors_signAndVerifyAsSpecified() throws IOException {
        List<String> lines;
        try (var in = Secp256k1Test.class.getResourceAsStream("/vectors/bip340/test-vectors.csv")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).lines().toList();
        }
        Secp256k1.Workspace w = LIB.workspace();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            byte[] pk = HEX.parseHex(f[2]);
            byte[] msg = HEX.parseHex(f[4]);
            byte[] sig = HEX.parseHex(f[5]);
            boolean expected = f[6].equals("TRUE");
            if (!f[1].isEmpty()) {
                byte[] out = new byte[64];
                w.signSchnorrMessage(HEX.parseHex(f[1]), msg, HEX.parseHex(f[3]), out);
                if (!Arrays.equals(out, sig)) {
                    failures.add("vector " + f[0] + ": signature (sign_custom) differs");
                }
                if (!Arrays.equals(LIB.serialize(w.xonlyPublicKey(HEX.parseHex(f[1]))), pk)) {
                    failures.add("vector " + f[0] + ": x-only key differs");
                }
                if (msg.length == 32) {
                    w.signSchnorr(HEX.parseHex(f[1]), msg, HEX.parseHex(f[3]), out);
                    if (!Arrays.equals(out, sig)) {
                        failures.add("vector " + f[0] + ": signature (sign32) differs");
                    }
                }
            }
            boolean got = pk.length == 32 && LIB.parseXonlyPublicKey(pk)
                    .map(k -> w.verifySchnorr(k, sig, 0, msg, 0, msg.length)).orElse(false);
            byte[] columns = new byte[96];
            System.arraycopy(sig, 0, columns, 0, 32);
            System.arraycopy(sig, 32, columns, 64, 32);
            boolean gotColumns = pk.length == 32 && LIB.parseXonlyPublicKey(pk)
                    .map(k -> w.verifySchnorr(k, columns, 0, columns, 64, msg, 0, msg.length)).orElse(false);
            if (got != expected || gotColumns != expected) {
                failures.add("vector " + f[0] + ": expected " + expected + " (" + f[7] + ")");
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(15);
        assertThat(failures).isEmpty();
    }

    @Test
    void workspaces_arePerThread_andConcurrentVerificationAgrees() throws Exception {
        byte[] secret = fixed(BigInteger.valueOf(12345));
        byte[] digest = new byte[32];
        digest[0] = 7;
        byte[] sig = new byte[64];
        LIB.workspace().signEcdsaRecoverable(secret, digest, sig);
        Secp256k1.Pubkey key = LIB.workspace().publicKey(secret);
        List<Thread> threads = new ArrayList<>();
        int[] valid = new int[4];
        Secp256k1.Workspace mine = LIB.workspace();
        Secp256k1.Workspace[] theirs = new Secp256k1.Workspace[4];
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(Thread.ofPlatform().start(() -> {
                Secp256k1.Workspace w = LIB.workspace();
                for (int i = 0; i < 200; i++) {
                    valid[id] += w.verifyEcdsa(key, digest, 0, sig, 0, sig, 32) ? 1 : 0;
                }
                theirs[id] = LIB.workspace() == w ? w : null;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(valid).containsOnly(200);
        assertThat(theirs).doesNotContainNull().doesNotHaveDuplicates().doesNotContain(mine);
    }

    @Test
    void aClosedLibrary_refusesCalls(@TempDir Path dir) {
        Secp256k1 lib = Secp256k1.bundled(dir);
        Secp256k1.Pubkey key = lib.workspace().publicKey(fixed(BigInteger.TWO));
        lib.close();
        lib.close();
        assertThatThrownBy(() -> lib.serialize(key, true)).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] fixed(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
