package dev.sigil.hsm;

import static dev.sigil.pkcs11.Pkcs11Constants.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.pkcs11.Attribute;
import dev.sigil.pkcs11.ObjectHandle;
import dev.sigil.pkcs11.Pkcs11Module;
import dev.sigil.pkcs11.SessionHandle;
import dev.sigil.pkcs11.SlotId;
import dev.sigil.pkcs11.testing.SoftHsm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code sessionKeyCopies: true}: each session signs with its own in-token session copy of the key. */
class HsmSessionKeyCopiesTest {
    private static TestTokens.Token token;
    private static HsmBackend hsm;
    private static CpuBackend cpu;
    private static SigningKey.Token p256;
    private static SigningKey.Token ed;

    @BeforeAll
    static void open() {
        token = TestTokens.create("copies");
        hsm = token.open("sessions", 4, "sessionKeyCopies", true);
        cpu = new CpuBackend(1);
        p256 = hsm.tokenKeys().orElseThrow().generate("copied-p256", Scheme.ECDSA_P256);
        ed = hsm.tokenKeys().orElseThrow().generate("copied-ed", Scheme.ED25519);
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
    void sign_8ThreadsThroughCopiesInAPoolOf4_everySignatureVerifies() throws Exception {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                SigningKey.Token key = t % 2 == 0 ? p256 : ed;
                int id = t;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        byte[] message = ("copy " + id + "/" + i).getBytes(StandardCharsets.UTF_8);
                        byte[] input = key.scheme() == Scheme.ED25519 ? message : Hashes.sha256(message);
                        List<RawSignature> sig = hsm.sign(key, List.of(input));
                        failures.addAll(TestTokens.cpuRejections(cpu, key, List.of(input), sig));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void copies_areSensitiveNonExtractableSessionObjects() {
        hsm.sign(p256, List.of(new byte[32]));
        try (Pkcs11Module other = Pkcs11Module.open(SoftHsm.get().library())) {
            SlotId slot = other.findToken(token.label()).orElseThrow();
            SessionHandle s = other.openSession(slot, false);
            List<ObjectHandle> copies = other.objects().find(s, List.of(Attribute.of(CKA_CLASS, CKO_PRIVATE_KEY),
                    Attribute.of(CKA_LABEL, "copied-p256"), Attribute.of(CKA_TOKEN, false)));
            assertThat(copies).isNotEmpty();
            List<String> problems = new ArrayList<>();
            for (ObjectHandle c : copies) {
                Map<Long, byte[]> a = other.objects().attributes(s, c, CKA_SENSITIVE, CKA_EXTRACTABLE,
                        CKA_VALUE);
                if (a.get(CKA_SENSITIVE)[0] != 1 || a.get(CKA_EXTRACTABLE)[0] != 0 || a.containsKey(CKA_VALUE)) {
                    problems.add(c + " is readable or extractable");
                }
            }
            other.closeSession(s);
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void sign_afterSessionsWereClosed_makesNewCopiesAndSucceeds() {
        hsm.sign(ed, List.of(new byte[] {1}));
        try (Pkcs11Module other = Pkcs11Module.open(SoftHsm.get().library())) {
            other.closeAllSessions(other.findToken(token.label()).orElseThrow());
        }
        byte[] message = "after closing".getBytes(StandardCharsets.UTF_8);
        assertThat(TestTokens.cpuRejections(cpu, ed, List.of(message), hsm.sign(ed, List.of(message)))).isEmpty();
    }

    @Test
    void list_showsEachKeyOnce_copiesAreNotKeys() {
        assertThat(hsm.tokenKeys().orElseThrow().list()).extracting(SigningKey::keyId)
                .containsExactlyInAnyOrder("copied-ed", "copied-p256");
    }
}
