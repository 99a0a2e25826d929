package dev.sigil.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Engine choice, fallback, the device text, and signing with libsecp256k1. */
class EngineTest {
    private static final Path CACHE = EngineDifferentialTest.CACHE;

    @Test
    void auto_servesEachSchemeWithItsNativeLibrary_andSaysSo() {
        try (CpuBackend cpu = new CpuBackend(1, new Engines.Options(Engines.Choice.AUTO, CACHE, null))) {
            assertThat(cpu.library(Scheme.ECDSA_SECP256K1)).startsWith("libsecp256k1").contains("0.23.0");
            assertThat(cpu.library(Scheme.SCHNORR_SECP256K1)).isEqualTo(cpu.library(Scheme.ECDSA_SECP256K1));
            assertThat(cpu.library(Scheme.ECDSA_P256)).startsWith("AWS-LC").contains("Amazon Corretto Crypto Provider");
            assertThat(cpu.library(Scheme.ED25519)).isEqualTo(cpu.library(Scheme.ECDSA_P256));
            assertThat(cpu.library(Scheme.SM2)).startsWith("Bouncy Castle 1.");
            assertThat(cpu.device()).contains("ecdsa-secp256k1, schnorr-secp256k1: libsecp256k1").contains("sm2: Bouncy Castle")
                    .doesNotContain("fallback");
        }
    }

    @Test
    void bouncyCastleChoice_servesEverything() {
        try (CpuBackend cpu = new CpuBackend(1, new Engines.Options(Engines.Choice.BOUNCYCASTLE, CACHE, null))) {
            for (Scheme s : Scheme.values()) {
                assertThat(cpu.library(s)).startsWith("Bouncy Castle");
            }
            assertThat(cpu.fallbacks()).isEmpty();
        }
        assertThatThrownBy(() -> Engines.Choice.parse("fastest")).hasMessageContaining("backends.cpu.engine");
    }

    @Test
    void aLibraryThatDoesNotLoad_fallsBackToBouncyCastle_saysSo_andStillVerifies() {
        Path missing = Path.of("target", "no-such-libsecp256k1.so");
        try (CpuBackend cpu = new CpuBackend(1, new Engines.Options(Engines.Choice.AUTO, CACHE, missing))) {
            assertThat(cpu.library(Scheme.ECDSA_SECP256K1)).startsWith("Bouncy Castle");
            assertThat(cpu.library(Scheme.SCHNORR_SECP256K1)).startsWith("Bouncy Castle");
            assertThat(cpu.fallbacks()).singleElement().asString()
                    .contains("ecdsa-secp256k1, schnorr-secp256k1 on Bouncy Castle: libsecp256k1 did not load");
            assertThat(cpu.device()).contains("fallback: ecdsa-secp256k1, schnorr-secp256k1 on Bouncy Castle");
            SigningKey.Software key = SoftwareKeys.generate("f", Scheme.ECDSA_SECP256K1);
            EncodedItem item = CpuSignVerifyTest.signed(key, new byte[] {1, 2}, false);
            VerifyBatch batch = VerifyBatch.builder(Scheme.ECDSA_SECP256K1, RuleSet.STANDARD).add(item).build();
            assertThat(cpu.verify(batch)).containsExactly(Outcome.VALID);
        }
    }

    @Test
    void secp256k1Signatures_areByteIdenticalToBouncyCastle_withTheSameRecoveryId() {
        Random rnd = new Random(9);
        try (CpuBackend fast = new CpuBackend(1, new Engines.Options(Engines.Choice.AUTO, CACHE, null));
                CpuBackend bc = new CpuBackend(1, new Engines.Options(Engines.Choice.BOUNCYCASTLE, CACHE, null))) {
            for (int k = 0; k < 20; k++) {
                SigningKey.Software key = SoftwareKeys.generate("s" + k, Scheme.ECDSA_SECP256K1);
                List<byte[]> digests = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    byte[] d = new byte[32];
                    rnd.nextBytes(d);
                    digests.add(d);
                }
                List<RawSignature> a = fast.sign(key, digests);
                List<RawSignature> b = bc.sign(key, digests);
                for (int i = 0; i < digests.size(); i++) {
                    assertThat(a.get(i).bytes()).isEqualTo(b.get(i).bytes());
                    assertThat(a.get(i).recoveryId()).isEqualTo(b.get(i).recoveryId());
                }
            }
        }
    }

    @Test
    void schnorrSignatures_fromLibsecp256k1_verifyWithTheReference_andUseFreshAuxiliaryRandomness() {
        try (CpuBackend fast = new CpuBackend(1, new Engines.Options(Engines.Choice.AUTO, CACHE, null));
                CpuBackend bc = new CpuBackend(1, new Engines.Options(Engines.Choice.BOUNCYCASTLE, CACHE, null))) {
            Random rnd = new Random(12);
            for (int k = 0; k < 10; k++) {
                SigningKey.Software key = SoftwareKeys.generate("b" + k, Scheme.SCHNORR_SECP256K1);
                List<byte[]> messages = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    byte[] m = new byte[rnd.nextInt(70)];
                    rnd.nextBytes(m);
                    messages.add(m);
                }
                messages.add(messages.getFirst());
                for (CpuBackend signer : List.of(fast, bc)) {
                    List<RawSignature> sigs = signer.sign(key, messages);
                    VerifyBatchBuilder b = VerifyBatch.builder(Scheme.SCHNORR_SECP256K1, RuleSet.LOW_S);
                    for (int i = 0; i < messages.size(); i++) {
                        b.add(EncodedItem.ofMessage(key.publicKey().encoded(), messages.get(i), sigs.get(i).bytes()));
                    }
                    assertThat(bc.verify(b.build())).as(signer.library(Scheme.SCHNORR_SECP256K1))
                            .containsOnly(Outcome.VALID);
                    assertThat(sigs.getLast().bytes()).as("same message twice: a fresh nonce each time")
                            .isNotEqualTo(sigs.getFirst().bytes());
                    assertThat(sigs).allSatisfy(sg -> assertThat(sg.recoveryId()).isEqualTo(-1));
                }
            }
        }
    }

    @Test
    void ed25519_torsionedKeys_areDecidedByTheCofactoredReference() {
        try (CpuBackend fast = new CpuBackend(1, new Engines.Options(Engines.Choice.AUTO, CACHE, null));
                CpuBackend bc = new CpuBackend(1, new Engines.Options(Engines.Choice.BOUNCYCASTLE, CACHE, null))) {
            List<EncodedItem> items = new AdversarialItems(Scheme.ED25519, 77, 64, bc).torsionItems();
            VerifyBatchBuilder b = VerifyBatch.builder(Scheme.ED25519, RuleSet.STANDARD);
            items.forEach(b::add);
            VerifyBatch batch = b.build();
            Outcome[] want = bc.verify(batch);
            assertThat(fast.verify(batch)).containsExactly(want);
            // Cofactored: all valid although [S]B - R - [k]A' = -[k]T is not the identity unless 8 divides k.
            assertThat(want).hasSizeGreaterThanOrEqualTo(8).containsOnly(Outcome.VALID);
        }
    }

    @Test
    void derWriter_matchesTheReferenceEncoding() {
        Random rnd = new Random(4);
        byte[] out = new byte[72];
        for (int i = 0; i < 5_000; i++) {
            BigInteger r = new BigInteger(1 + rnd.nextInt(256), rnd).add(BigInteger.ONE);
            BigInteger s = new BigInteger(1 + rnd.nextInt(256), rnd).add(BigInteger.ONE);
            r = r.bitLength() > 256 ? BigInteger.ONE : r;
            s = s.bitLength() > 256 ? BigInteger.ONE : s;
            EcSignature sig = new EcSignature(r, s);
            byte[] raw = sig.toRaw();
            byte[] rCol = new byte[96];
            byte[] sCol = new byte[96];
            System.arraycopy(raw, 0, rCol, 32, 32);
            System.arraycopy(raw, 32, sCol, 32, 32);
            int len = AwsLcEngine.der(rCol, sCol, 32, out);
            assertThat(java.util.Arrays.copyOf(out, len)).isEqualTo(sig.toDer());
        }
    }

    @Test
    void nativeParallelPath_equalsSequential() {
        Random rnd = new Random(6);
        try (CpuBackend one = new CpuBackend(1, new Engines.Options(Engines.Choice.AUTO, CACHE, null));
                CpuBackend four = new CpuBackend(4, new Engines.Options(Engines.Choice.AUTO, CACHE, null))) {
            for (Scheme scheme : List.of(Scheme.ECDSA_SECP256K1, Scheme.ECDSA_P256, Scheme.ED25519,
                    Scheme.SCHNORR_SECP256K1)) {
                SigningKey.Software key = SoftwareKeys.generate("p", scheme);
                VerifyBatchBuilder b = VerifyBatch.builder(scheme, RuleSet.STANDARD);
                for (int i = 0; i < 600; i++) {
                    EncodedItem item = CpuSignVerifyTest.signed(key, new byte[] {(byte) i, (byte) (i >> 8)}, i % 3 == 0);
                    b.add(rnd.nextBoolean() ? item : CpuSignVerifyTest.flipOneBit(item, rnd));
                }
                VerifyBatch batch = b.build();
                Outcome[] a = one.verify(batch);
                assertThat(four.verify(batch)).containsExactly(a);
                assertThat(a).contains(Outcome.VALID, Outcome.INVALID);
            }
        }
    }
}
