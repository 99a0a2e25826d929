package dev.sigil.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.conformance.ConformanceSuite;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With {@code verify: true} the token verifies (C_Verify) and must agree with the CPU backend on every vector. */
class HsmVerifyConformanceTest extends ConformanceSuite {
    private static HsmBackend hsm;
    private static CpuBackend cpu;

    @BeforeAll
    static void open() {
        hsm = TestTokens.create("verify").open("verify", true, "sessions", 2);
        cpu = new CpuBackend(1);
    }

    @AfterAll
    static void close() {
        if (hsm != null) {
            hsm.close();
        }
        if (cpu != null) {
            cpu.close();
        }
    }

    @Override
    protected Backend backend() {
        return hsm;
    }

    @Override
    protected Signer signer() {
        return cpu;
    }

    @Override
    protected SigningKey.Software newKey(Scheme scheme) {
        return SoftwareKeys.generate("conformance", scheme);
    }

    @Test
    void verify_randomMixedBatches_matchTheCpuBackendItemByItem() {
        SplittableRandom random = new SplittableRandom(20261124);
        List<String> failures = new ArrayList<>();
        for (Scheme scheme : List.of(Scheme.ECDSA_P256, Scheme.ECDSA_SECP256K1, Scheme.ED25519)) {
            for (RuleSet rules : RuleSet.values()) {
                List<SigningKey.Software> keys = List.of(newKey(scheme), newKey(scheme), newKey(scheme));
                VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, 200);
                for (int i = 0; i < 200; i++) {
                    addItem(b, scheme, keys, random);
                }
                VerifyBatch batch = b.build();
                Outcome[] expected = cpu.verify(batch);
                Outcome[] got = hsm.verifier().orElseThrow().verify(batch);
                for (int i = 0; i < expected.length; i++) {
                    if (!expected[i].equals(got[i])) {
                        failures.add(scheme + "/" + rules + " item " + i + ": cpu " + expected[i] + ", hsm " + got[i]);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A valid signature, or one with the message, key or signature altered, or (ECDSA) with s negated. */
    private static void addItem(VerifyBatchBuilder b, Scheme scheme, List<SigningKey.Software> keys,
            SplittableRandom random) {
        SigningKey.Software signer = keys.get(random.nextInt(keys.size()));
        byte[] message = new byte[random.nextInt(1, 64)];
        random.nextBytes(message);
        byte[] input = scheme == Scheme.ED25519 ? message : Hashes.sha256(message);
        byte[] sig = cpu.sign(signer, List.of(input)).get(0).bytes();
        int variant = random.nextInt(5);
        SigningKey.Software claimed = variant == 1 ? keys.get((keys.indexOf(signer) + 1) % keys.size()) : signer;
        if (variant == 2) {
            input[random.nextInt(input.length)] ^= 1;
        } else if (variant == 3) {
            sig[random.nextInt(scheme == Scheme.ED25519 ? 32 : 64)] ^= 0x10;
        }
        if (scheme == Scheme.ED25519) {
            b.addEd25519((Ed25519PublicKey) claimed.publicKey(), input, sig);
            return;
        }
        EcSignature ec = EcSignature.fromRaw(sig);
        if (variant == 4) {
            ec = new EcSignature(ec.r(), scheme.requireCurve().n().subtract(ec.s()));
        }
        b.addEc((EcPublicKey) claimed.publicKey(), input, ec);
    }

    @Test
    void verify_isOfferedForTheSchemesTheTokenHasMechanismsFor() {
        assertThat(hsm.verifier().orElseThrow().verifiableSchemes()).isEqualTo(EnumSet.of(Scheme.ECDSA_P256, Scheme.ECDSA_SECP256K1,
                Scheme.ED25519));
    }
}
