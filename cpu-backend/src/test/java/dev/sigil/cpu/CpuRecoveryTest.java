package dev.sigil.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoverBatchBuilder;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.testing.AdversarialItems;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Public-key recovery on both CPU engines (libsecp256k1 and the Bouncy Castle reference): 10 000 signatures made by
 * the backend's own signer recover their key and its address, flipped bits never recover the signer, and the
 * engines agree item by item on the shared adversarial items.
 */
class CpuRecoveryTest {
    private static final CpuBackend NATIVE = new CpuBackend(2,
            new Engines.Options(Engines.Choice.AUTO, EngineDifferentialTest.CACHE, null));
    private static final CpuBackend REFERENCE = new CpuBackend(2,
            new Engines.Options(Engines.Choice.BOUNCYCASTLE, EngineDifferentialTest.CACHE, null));
    private static final int ITEMS = 10_000;
    private static final int KEYS = 16;

    @AfterAll
    static void close() {
        NATIVE.close();
        REFERENCE.close();
    }

    @Test
    void tenThousandOwnSignatures_recoverTheSigningKeyAndAddress_onEveryEngine_andFlippedBitsNeverDo() {
        assertThat(NATIVE.library(Scheme.ECDSA_SECP256K1)).startsWith("libsecp256k1");
        assertThat(NATIVE.recoverer()).isPresent();
        Random rnd = new Random(42);
        List<SigningKey.Software> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add(SoftwareKeys.generate("r" + k, Scheme.ECDSA_SECP256K1));
        }
        RecoverBatchBuilder good = RecoverBatch.builder(RuleSet.LOW_S, ITEMS);
        RecoverBatchBuilder flipped = RecoverBatch.builder(RuleSet.LOW_S, ITEMS);
        EcPublicKey[] signer = new EcPublicKey[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            SigningKey.Software key = keys.get(i % KEYS);
            byte[] digest = new byte[32];
            rnd.nextBytes(digest);
            CpuBackend signerBackend = i % 2 == 0 ? NATIVE : REFERENCE;
            RawSignature sig = signerBackend.sign(key, List.of(digest)).getFirst();
            assertThat(sig.recoveryId()).isBetween(0, 1);
            byte[] sig65 = Arrays.copyOf(sig.bytes(), 65);
            sig65[64] = (byte) (i % 4 < 2 ? sig.recoveryId() : sig.recoveryId() + 27);
            good.add(new EncodedItem(null, null, digest, sig65, null, null));
            byte[] bad = digest.clone();
            bad[rnd.nextInt(32)] ^= (byte) (1 << rnd.nextInt(8));
            flipped.add(new EncodedItem(null, null, bad, sig65, null, null));
            signer[i] = (EcPublicKey) key.publicKey();
        }
        RecoverBatch goodBatch = good.build();
        RecoverBatch flippedBatch = flipped.build();
        List<String> failures = new ArrayList<>();
        for (CpuBackend backend : List.of(NATIVE, REFERENCE)) {
            RecoveredKeys ok = backend.recover(goodBatch);
            RecoveredKeys notOk = backend.recover(flippedBatch);
            String name = backend.library(Scheme.ECDSA_SECP256K1);
            for (int i = 0; i < ITEMS; i++) {
                EcPublicKey want = signer[i];
                if (!ok.outcome(i).isValid() || !Arrays.equals(ok.uncompressed(i), want.uncompressed())
                        || !Arrays.equals(ok.address(i), RecoveredKeys.ethereumAddress(
                                Arrays.copyOfRange(want.uncompressed(), 1, 65)))) {
                    failures.add(name + " item " + i + ": " + ok.outcome(i));
                }
                if (notOk.outcome(i).verdict() == Verdict.MALFORMED
                        || (notOk.outcome(i).isValid() && Arrays.equals(notOk.uncompressed(i), want.uncompressed()))) {
                    failures.add(name + " flipped item " + i + ": " + notOk.outcome(i));
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(NATIVE.recover(flippedBatch)).isEqualTo(REFERENCE.recover(flippedBatch));
    }

    @Test
    void adversarialItems_nativeAgreesWithTheReference_itemByItem_underBothRuleSets() {
        AdversarialItems gen = new AdversarialItems(Scheme.ECDSA_SECP256K1, 77, 500);
        Map<AdversarialItems.RecoverKind, Integer> kinds = new EnumMap<>(AdversarialItems.RecoverKind.class);
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        List<String> failures = new ArrayList<>();
        for (RuleSet rules : RuleSet.values()) {
            List<AdversarialItems.RecoverItem> items = gen.recoverItems(10_000);
            RecoverBatchBuilder b = RecoverBatch.builder(rules, items.size());
            items.forEach(it -> b.add(it.item()));
            RecoverBatch batch = b.build();
            RecoveredKeys ref = REFERENCE.recover(batch);
            RecoveredKeys nat = NATIVE.recover(batch);
            for (int i = 0; i < items.size(); i++) {
                AdversarialItems.RecoverItem it = items.get(i);
                kinds.merge(it.kind(), 1, Integer::sum);
                Outcome o = ref.outcome(i);
                seen.merge(o.verdict(), 1, Integer::sum);
                if (!o.equals(nat.outcome(i)) || !Arrays.equals(ref.uncompressed(i), nat.uncompressed(i))) {
                    failures.add(rules + " " + i + " " + it.kind() + ": reference " + o + ", native " + nat.outcome(i));
                }
                if (!expected(it, rules, ref, i)) {
                    failures.add(rules + " " + i + " " + it.kind() + ": unexpected " + o);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(kinds).hasSize(AdversarialItems.RecoverKind.values().length);
        assertThat(seen).containsKeys(Verdict.VALID, Verdict.INVALID, Verdict.MALFORMED);
    }

    /** What each kind must give: the signer, anything but the signer, invalid, or malformed. */
    static boolean expected(AdversarialItems.RecoverItem it, RuleSet rules, RecoveredKeys got, int i) {
        Outcome o = got.outcome(i);
        boolean signer = o.isValid() && Arrays.equals(got.uncompressed(i), it.signer().uncompressed());
        return switch (it.kind()) {
            case VALID, V_27_28, ZERO_DIGEST -> signer;
            case HIGH_S -> rules == RuleSet.STANDARD ? signer : o.equals(Outcome.INVALID);
            case WRONG_PARITY, SIGNATURE_BIT, MESSAGE_BIT, X_AT_LEAST_N -> !signer && o.verdict() != Verdict.MALFORMED;
            case OUT_OF_RANGE, R_NOT_ON_CURVE -> o.equals(Outcome.INVALID);
            case BAD_V -> o.verdict() == Verdict.MALFORMED;
        };
    }
}
