package dev.sigil.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.cpu.CpuKeys;
import dev.sigil.cpu.Secp256k1Recovery;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryIdTest {

    @Test
    void recoveryId_matchesTheCpuBackendOnRandomSignatures() {
        List<String> failures = new ArrayList<>();
        try (CpuBackend cpu = new CpuBackend(1)) {
            for (int k = 0; k < 20; k++) {
                SigningKey.Software key = CpuKeys.generate("k" + k, Scheme.ECDSA_SECP256K1);
                EcPublicKey pub = (EcPublicKey) key.publicKey();
                List<byte[]> digests = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    digests.add(Hashes.sha256(("message " + k + "/" + i).getBytes()));
                }
                List<RawSignature> sigs = cpu.sign(key, digests);
                for (int i = 0; i < sigs.size(); i++) {
                    EcSignature sig = EcSignature.fromRaw(sigs.get(i).bytes());
                    int expected = Secp256k1Recovery.recoveryId(pub, digests.get(i), sig.r(), sig.s());
                    int got = RecoveryId.of(pub, digests.get(i), sig.r(), sig.s());
                    if (got != expected || got < 0) {
                        failures.add("key " + k + " sig " + i + ": got " + got + ", expected " + expected);
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void recoveryId_flipsWhenSIsNegated() {
        try (CpuBackend cpu = new CpuBackend(1)) {
            SigningKey.Software key = CpuKeys.generate("k", Scheme.ECDSA_SECP256K1);
            byte[] digest = Hashes.sha256("flip".getBytes());
            EcSignature sig = EcSignature.fromRaw(cpu.sign(key, List.of(digest)).get(0).bytes());
            EcPublicKey pub = (EcPublicKey) key.publicKey();
            int v = RecoveryId.of(pub, digest, sig.r(), sig.s());
            int flipped = RecoveryId.of(pub, digest, sig.r(), Curve.SECP256K1.n().subtract(sig.s()));
            assertThat(v).isIn(0, 1);
            assertThat(flipped).isEqualTo(1 - v);
        }
    }

    @Test
    void recoveryId_ofSignatureThatDoesNotVerify_isNotValid() {
        try (CpuBackend cpu = new CpuBackend(1)) {
            SigningKey.Software key = CpuKeys.generate("k", Scheme.ECDSA_SECP256K1);
            byte[] digest = Hashes.sha256("signed".getBytes());
            EcSignature sig = EcSignature.fromRaw(cpu.sign(key, List.of(digest)).get(0).bytes());
            byte[] other = Hashes.sha256("not signed".getBytes());
            assertThat(RecoveryId.of((EcPublicKey) key.publicKey(), other, sig.r(), sig.s()))
                    .isEqualTo(RecoveryId.NOT_VALID);
        }
    }
}
