package dev.sigil.hsm;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.pkcs11.testing.SoftHsm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SoftHSM2 tokens for the backend tests: a fresh token, its PIN in a file, and the hsm: settings for it. */
final class TestTokens {
    static final String USER_PIN = "user-pin-2718";
    static final String SO_PIN = "so-pin-3141";
    /** The value surefire puts into SIGIL_TEST_HSM_PIN. */
    static final String ENV_PIN = "env-pin-5150";

    private TestTokens() {
    }

    /** A token with a label, and the file holding its user PIN. */
    record Token(String label, Path pinFile) {
        Map<String, Object> settings(Object... extra) {
            Map<String, Object> s = new HashMap<>();
            s.put("module", SoftHsm.get().library().toString());
            s.put("tokenLabel", label);
            s.put("pin", "file:" + pinFile);
            for (int i = 0; i < extra.length; i += 2) {
                s.put((String) extra[i], extra[i + 1]);
            }
            return s;
        }

        HsmBackend open(Object... extra) {
            return HsmBackend.open(HsmConfig.parse(settings(extra)));
        }
    }

    static Token create(String prefix) {
        return create(prefix, USER_PIN);
    }

    static Token create(String prefix, String pin) {
        SoftHsm hsm = SoftHsm.get();
        String label = hsm.newToken(prefix, pin, SO_PIN);
        try {
            Path dir = Files.createDirectories(hsm.configuration().resolveSibling("pins"));
            Path file = dir.resolve(label + ".pin");
            Files.writeString(file, pin + "\n");
            return new Token(label, file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Verifies signatures made over {@code inputs} (digests for ECDSA, messages for Ed25519) with the CPU backend
     * under the low-S rule set and returns a description of every one that is not valid.
     */
    static List<String> cpuRejections(CpuBackend cpu, SigningKey.Token key, List<byte[]> inputs,
            List<RawSignature> sigs) {
        Scheme scheme = key.scheme();
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, RuleSet.LOW_S, inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            if (scheme == Scheme.ED25519) {
                b.addEd25519((Ed25519PublicKey) key.publicKey(), inputs.get(i), sigs.get(i).bytes());
            } else {
                b.addEc((EcPublicKey) key.publicKey(), inputs.get(i), EcSignature.fromRaw(sigs.get(i).bytes()));
            }
        }
        Outcome[] outcomes = cpu.verify(b.build());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (!outcomes[i].isValid()) {
                failures.add(scheme + " signature " + i + ": " + outcomes[i]);
            }
        }
        return failures;
    }
}
