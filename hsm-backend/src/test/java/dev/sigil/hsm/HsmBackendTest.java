package dev.sigil.hsm;

import static dev.sigil.pkcs11.Pkcs11Constants.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.conformance.Secp256k1Recovery;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.TokenKeys;
import dev.sigil.pkcs11.Attribute;
import dev.sigil.pkcs11.ObjectHandle;
import dev.sigil.pkcs11.Pkcs11Module;
import dev.sigil.pkcs11.SessionHandle;
import dev.sigil.pkcs11.SlotId;
import dev.sigil.pkcs11.testing.SoftHsm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HsmBackendTest {
    private static TestTokens.Token token;
    private static HsmBackend hsm;
    private static CpuBackend cpu;
    private static Map<Scheme, SigningKey.Token> keys;

    @BeforeAll
    static void open() {
        token = TestTokens.create("backend");
        hsm = token.open("sessions", 4);
        cpu = new CpuBackend(2);
        TokenKeys tk = hsm.tokenKeys().orElseThrow();
        keys = Map.of(Scheme.ECDSA_P256, tk.generate("p256-key", Scheme.ECDSA_P256),
                Scheme.ECDSA_SECP256K1, tk.generate("k1-key", Scheme.ECDSA_SECP256K1),
                Scheme.ED25519, tk.generate("ed-key", Scheme.ED25519));
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

    @Test
    void generate_threeSchemes_areListedWithTheirPublicKeys() {
        TokenKeys tk = hsm.tokenKeys().orElseThrow();
        assertThat(tk.generatableSchemes()).isEqualTo(EnumSet.of(Scheme.ECDSA_P256, Scheme.ECDSA_SECP256K1,
                Scheme.ED25519));
        assertThat(tk.list()).containsAll(keys.values());
        for (Map.Entry<Scheme, SigningKey.Token> e : keys.entrySet()) {
            assertThat(e.getValue().scheme()).isEqualTo(e.getKey());
            assertThat(e.getValue().backendId()).isEqualTo("hsm");
            assertThat(hsm.canSignWith(e.getValue())).isTrue();
        }
    }

    @Test
    void generate_privateKeys_areSensitiveNonExtractableTokenObjectsWithLabelAndId() {
        try (Pkcs11Module other = Pkcs11Module.open(SoftHsm.get().library())) {
            SlotId slot = other.findToken(token.label()).orElseThrow();
            SessionHandle s = other.openSession(slot, false);
            List<String> problems = new ArrayList<>();
            for (SigningKey.Token key : keys.values()) {
                List<ObjectHandle> found = other.objects().find(s, List.of(Attribute.of(CKA_CLASS, CKO_PRIVATE_KEY),
                        Attribute.of(CKA_LABEL, key.keyId())));
                if (found.size() != 1) {
                    problems.add(key.keyId() + ": " + found.size() + " private keys");
                    continue;
                }
                Map<Long, byte[]> a = other.objects().attributes(s, found.get(0), CKA_SENSITIVE, CKA_EXTRACTABLE,
                        CKA_TOKEN, CKA_ID, CKA_VALUE);
                if (a.get(CKA_SENSITIVE)[0] != 1 || a.get(CKA_EXTRACTABLE)[0] != 0 || a.get(CKA_TOKEN)[0] != 1
                        || !new String(a.get(CKA_ID), StandardCharsets.UTF_8).equals(key.keyId())
                        || a.containsKey(CKA_VALUE)) {
                    problems.add(key.keyId() + ": wrong attributes");
                }
            }
            other.closeSession(s);
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void generate_existingId_isKeyFailure() {
        assertThatThrownBy(() -> hsm.tokenKeys().orElseThrow().generate("p256-key", Scheme.ECDSA_P256))
                .isInstanceOf(BackendException.KeyFailure.class).hasMessageContaining("p256-key");
    }

    @Test
    void sign_1000PerScheme_allVerifyWithTheCpuBackendUnderLowS() {
        List<String> failures = new ArrayList<>();
        for (SigningKey.Token key : keys.values()) {
            List<byte[]> inputs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                byte[] message = ("message " + i + " for " + key.keyId()).getBytes(StandardCharsets.UTF_8);
                inputs.add(key.scheme() == Scheme.ED25519 ? message : Hashes.sha256(message));
            }
            List<RawSignature> sigs = hsm.sign(key, inputs);
            assertThat(sigs).hasSize(1000);
            failures.addAll(TestTokens.cpuRejections(cpu, key, inputs, sigs));
            if (key.scheme() == Scheme.ECDSA_SECP256K1) {
                failures.addAll(recoveryMismatches(key, inputs, sigs));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static List<String> recoveryMismatches(SigningKey.Token key, List<byte[]> digests,
            List<RawSignature> sigs) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sigs.size(); i++) {
            EcSignature sig = EcSignature.fromRaw(sigs.get(i).bytes());
            int expected = Secp256k1Recovery.recoveryId((EcPublicKey) key.publicKey(), digests.get(i), sig.r(),
                    sig.s());
            if (sigs.get(i).recoveryId() != expected || expected < 0) {
                out.add("recovery id of signature " + i + ": " + sigs.get(i).recoveryId() + " vs " + expected);
            }
        }
        return out;
    }

    @Test
    void sign_8ThreadsThroughAPoolOf4_noErrorAndEverySignatureVerifies() throws Exception {
        SigningKey.Token key = keys.get(Scheme.ECDSA_P256);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int id = t;
                done.add(threads.submit(() -> {
                    start.await();
                    signAndCheck(key, "thread " + id, 60, failures, new AtomicInteger());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(failures).isEmpty();
    }

    private static void signAndCheck(SigningKey.Token key, String who, int count, List<String> failures,
            AtomicInteger progress) {
        for (int i = 0; i < count; i++) {
            progress.incrementAndGet();
            try {
                byte[] digest = Hashes.sha256((who + " " + i).getBytes(StandardCharsets.UTF_8));
                List<RawSignature> sig = hsm.sign(key, List.of(digest));
                failures.addAll(TestTokens.cpuRejections(cpu, key, List.of(digest), sig));
            } catch (RuntimeException e) {
                failures.add(who + " sign " + i + ": " + e);
            }
        }
    }

    @Test
    void sign_afterEverySessionIsClosedBehindThePool_reopensLogsInAndSucceeds() {
        SigningKey.Token key = keys.get(Scheme.ED25519);
        byte[] message = "after the sessions were closed".getBytes(StandardCharsets.UTF_8);
        try (Pkcs11Module other = Pkcs11Module.open(SoftHsm.get().library())) {
            other.closeAllSessions(other.findToken(token.label()).orElseThrow());
        }
        List<RawSignature> sigs = hsm.sign(key, List.of(message));
        assertThat(TestTokens.cpuRejections(cpu, key, List.of(message), sigs)).isEmpty();
        assertThat(hsm.isHealthy()).isTrue();
    }

    @Test
    void sign_sessionsClosedWhileThreadsKeepSigning_everyCallSucceeds() throws Exception {
        SigningKey.Token key = keys.get(Scheme.ECDSA_SECP256K1);
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (Pkcs11Module other = Pkcs11Module.open(SoftHsm.get().library())) {
            SlotId slot = other.findToken(token.label()).orElseThrow();
            long generation = hsm.sessionGeneration();
            AtomicInteger progress = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                done.add(threads.submit(() -> signAndCheck(key, "loaded " + id, 40, failures, progress)));
            }
            while (progress.get() < 12) {
                Thread.onSpinWait();
            }
            // Between two token calls: SoftHSM2 does not survive a session closed under a running C_Sign.
            hsm.whileIdle(() -> other.closeAllSessions(slot));
            hsm.sign(key, List.of(new byte[32]));
            assertThat(hsm.sessionGeneration()).isGreaterThan(generation);
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(failures).isEmpty();
        assertThat(hsm.isHealthy()).isTrue();
    }

    @Test
    void isHealthy_afterLoginIsLost_isHealthyWithoutLoggingIn_andTheNextSignLogsIn() {
        long generation = hsm.sessionGeneration();
        try (Pkcs11Module other = Pkcs11Module.open(SoftHsm.get().library())) {
            other.closeAllSessions(other.findToken(token.label()).orElseThrow());
        }
        assertThat(hsm.isHealthy()).isTrue();
        assertThat(hsm.sessionGeneration()).isEqualTo(generation);
        SigningKey.Token key = keys.get(Scheme.ECDSA_P256);
        byte[] digest = new byte[32];
        assertThat(TestTokens.cpuRejections(cpu, key, List.of(digest), hsm.sign(key, List.of(digest)))).isEmpty();
        assertThat(hsm.sessionGeneration()).isGreaterThan(generation);
    }

    @Test
    void sign_unknownTokenKey_isKeyFailure() {
        SigningKey.Token ghost = new SigningKey.Token("ghost", keys.get(Scheme.ECDSA_P256).publicKey(), "hsm");
        assertThatThrownBy(() -> hsm.sign(ghost, List.of(new byte[32])))
                .isInstanceOf(BackendException.KeyFailure.class).hasMessageContaining("ghost");
    }

    @Test
    void sign_tokenKeyWithAnotherPublicKey_isKeyFailure() {
        SigningKey.Token wrong = new SigningKey.Token("k1-key",
                SoftwareKeys.generate("x", Scheme.ECDSA_SECP256K1).publicKey(), "hsm");
        assertThatThrownBy(() -> hsm.sign(wrong, List.of(new byte[32])))
                .isInstanceOf(BackendException.KeyFailure.class).hasMessageContaining("another public key");
    }

    @Test
    void canSignWith_onlyItsOwnTokenKeys() {
        SigningKey.Software software = SoftwareKeys.generate("soft", Scheme.ECDSA_P256);
        SigningKey.Token foreign = new SigningKey.Token("p256-key", keys.get(Scheme.ECDSA_P256).publicKey(), "hsm2");
        assertThat(hsm.canSignWith(software)).isFalse();
        assertThat(hsm.canSignWith(foreign)).isFalse();
        assertThatThrownBy(() -> hsm.sign(software, List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sign_ecdsaInputThatIsNotADigest_isRejected() {
        assertThatThrownBy(() -> hsm.sign(keys.get(Scheme.ECDSA_P256), List.of(new byte[31])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32-byte digest");
    }

    @Test
    void verify_isNotOfferedUnlessConfigured() {
        assertThat(hsm.signer().orElseThrow().signableSchemes()).contains(Scheme.ECDSA_P256);
        assertThat(hsm.verifier()).isEmpty();
        assertThat(hsm.signableSchemes()).doesNotContain(Scheme.SM2);
        assertThat(hsm.unsupportedReason(Scheme.SM2)).hasValueSatisfying(r -> assertThat(r)
                .contains("hsm.mechanisms.sm2"));
    }

    @Test
    void describe_namesTheTokenAndModule() {
        assertThat(hsm.id()).isEqualTo("hsm");
        assertThat(hsm.device()).contains(token.label()).contains("SoftHSM");
    }
}
