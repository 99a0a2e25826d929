package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterSignTest {
    private static final Set<Scheme> P256 = Set.of(Scheme.ECDSA_P256);

    private static ControlledBackend signer(String id, BackendKind kind) {
        return new ControlledBackend(id, kind, Shared.cpu(), P256, P256);
    }

    private static List<byte[]> inputs(SigningKey key, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestItems.signedInput(key.scheme(), key, ("message " + i).getBytes()));
        }
        return out;
    }

    /** The signatures that do not verify under low-s on the CPU backend. */
    private static List<Integer> notVerifying(SigningKey key, List<byte[]> inputs, List<RawSignature> sigs) {
        VerifyBatchBuilder b = VerifyBatch.builder(key.scheme(), RuleSet.LOW_S, inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            b.add(EncodedItem.ofDigest(key.publicKey().encoded(), inputs.get(i), sigs.get(i).bytes())
                    .withFormat(SignatureFormat.RAW));
        }
        Outcome[] out = Shared.cpu().verify(b.build());
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (!out[i].isValid()) {
                bad.add(i);
            }
        }
        return bad;
    }

    @Test
    void sign_softwareKey_neverRunsOnTheGpuNorOnTheHsm() {
        ControlledBackend gpu = signer("gpu", BackendKind.GPU);
        ControlledBackend hsm = signer("hsm", BackendKind.HSM);
        ControlledBackend cpu = signer("cpu-like", BackendKind.TEST);
        try (Router router = Shared.uncalibrated(gpu, hsm, cpu).build()) {
            SigningKey.Software key = SoftwareKeys.generate("validator", Scheme.ECDSA_P256);
            List<byte[]> inputs = inputs(key, 5);
            for (int i = 0; i < 5; i++) {
                Router.Signed signed = router.sign(key, inputs);
                assertThat(signed.backendId()).isEqualTo("cpu-like");
                assertThat(notVerifying(key, inputs, signed.signatures())).isEmpty();
            }
            assertThat(gpu.signCalls()).isZero();
            assertThat(hsm.signCalls()).isZero();
            assertThat(router.canSign(key)).isTrue();
        }
    }

    @Test
    void sign_tokenKey_runsOnlyOnTheBackendHoldingIt() {
        ControlledBackend hsm = signer("hsm", BackendKind.HSM);
        ControlledBackend other = signer("other-hsm", BackendKind.HSM);
        ControlledBackend cpu = signer("cpu-like", BackendKind.TEST);
        try (Router router = Shared.uncalibrated(other, cpu, hsm).build()) {
            SigningKey.Token token = hsm.hold(SoftwareKeys.generate("operator", Scheme.ECDSA_P256));
            List<byte[]> inputs = inputs(token, 3);
            Router.Signed signed = router.sign(token, inputs);
            assertThat(signed.backendId()).isEqualTo("hsm");
            assertThat(notVerifying(token, inputs, signed.signatures())).isEmpty();

            hsm.broken(true);
            assertThatThrownBy(() -> router.sign(token, inputs)).isInstanceOf(BackendException.class);
            assertThat(other.signCalls()).isZero();
            assertThat(cpu.signCalls()).isZero();
        }
    }

    @Test
    void sign_backendFails_softwareKeyIsSignedOnAnotherAllowedBackend() {
        ControlledBackend first = signer("first", BackendKind.TEST);
        ControlledBackend second = signer("second", BackendKind.TEST);
        try (Router router = Shared.uncalibrated(first, second).build()) {
            first.broken(true);
            second.broken(true);
            SigningKey.Software key = SoftwareKeys.generate("validator", Scheme.ECDSA_P256);
            List<byte[]> inputs = inputs(key, 4);
            assertThatThrownBy(() -> router.sign(key, inputs)).isInstanceOf(BackendException.class);
            second.broken(false);
            Router.Signed signed = router.sign(key, inputs);
            assertThat(signed.backendId()).isEqualTo("second");
            assertThat(notVerifying(key, inputs, signed.signatures())).isEmpty();
            assertThat(router.heldItems()).isZero();
        }
    }

    @Test
    void sign_keyOfASchemeNoBackendSigns_isAnExplicitError() {
        ControlledBackend cpu = signer("cpu-like", BackendKind.TEST);
        try (Router router = Shared.uncalibrated(cpu).build()) {
            SigningKey.Software key = SoftwareKeys.generate("solana", Scheme.ED25519);
            assertThat(router.canSign(key)).isFalse();
            assertThatThrownBy(() -> router.sign(key, List.of(new byte[3])))
                    .isInstanceOf(BackendException.Unavailable.class);
        }
    }
}
