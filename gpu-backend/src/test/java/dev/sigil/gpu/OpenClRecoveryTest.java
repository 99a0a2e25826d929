package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoverBatchBuilder;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
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
import org.junit.jupiter.api.Test;

/**
 * recover.cl against the Bouncy Castle reference: 10 000 signatures made by the CPU backend's signer recover their
 * key on the device, and the shared adversarial recovery items give the reference's outcome and point, item by item.
 */
class OpenClRecoveryTest {

    @Test
    void tenThousandOwnSignatures_recoverTheSigningKey_onTheDevice_asOnTheReference() {
        OpenClBackend gpu = OpenClTestSupport.backend();
        CpuBackend cpu = OpenClTestSupport.cpu();
        assertThat(gpu.recoverer()).isPresent();
        Random rnd = new Random(9);
        List<SigningKey.Software> keys = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            keys.add(SoftwareKeys.generate("g" + k, Scheme.ECDSA_SECP256K1));
        }
        int items = 10_000;
        RecoverBatchBuilder b = RecoverBatch.builder(RuleSet.LOW_S, items);
        EcPublicKey[] signer = new EcPublicKey[items];
        for (int i = 0; i < items; i++) {
            SigningKey.Software key = keys.get(i % keys.size());
            byte[] digest = new byte[32];
            rnd.nextBytes(digest);
            RawSignature sig = cpu.sign(key, List.of(digest)).getFirst();
            byte[] sig65 = Arrays.copyOf(sig.bytes(), 65);
            sig65[64] = (byte) (sig.recoveryId() + (i % 2 == 0 ? 0 : 27));
            b.add(new EncodedItem(null, null, digest, sig65, null, null));
            signer[i] = (EcPublicKey) key.publicKey();
        }
        RecoverBatch batch = b.build();
        RecoveredKeys got = gpu.recover(batch);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            if (!got.outcome(i).isValid() || !Arrays.equals(got.uncompressed(i), signer[i].uncompressed())) {
                failures.add("item " + i + ": " + got.outcome(i));
            }
        }
        assertThat(failures).isEmpty();
        assertThat(got).isEqualTo(cpu.recover(batch));
    }

    @Test
    void adversarialItems_giveTheReferenceOutcomeAndPoint_itemByItem_underBothRuleSets() {
        OpenClBackend gpu = OpenClTestSupport.backend();
        CpuBackend cpu = OpenClTestSupport.cpu();
        AdversarialItems gen = new AdversarialItems(Scheme.ECDSA_SECP256K1, 404, 300);
        Map<AdversarialItems.RecoverKind, Integer> kinds = new EnumMap<>(AdversarialItems.RecoverKind.class);
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        List<String> failures = new ArrayList<>();
        for (RuleSet rules : RuleSet.values()) {
            List<AdversarialItems.RecoverItem> items = gen.recoverItems(10_000);
            RecoverBatchBuilder b = RecoverBatch.builder(rules, items.size());
            items.forEach(it -> b.add(it.item()));
            RecoverBatch batch = b.build();
            RecoveredKeys ref = cpu.recover(batch);
            RecoveredKeys dev = gpu.recover(batch);
            for (int i = 0; i < items.size(); i++) {
                kinds.merge(items.get(i).kind(), 1, Integer::sum);
                Outcome o = ref.outcome(i);
                seen.merge(o.verdict(), 1, Integer::sum);
                if (!o.equals(dev.outcome(i)) || !Arrays.equals(ref.uncompressed(i), dev.uncompressed(i))) {
                    failures.add(rules + " " + i + " " + items.get(i).kind() + ": reference " + o + ", device "
                            + dev.outcome(i));
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(kinds).hasSize(AdversarialItems.RecoverKind.values().length);
        assertThat(seen).containsKeys(Verdict.VALID, Verdict.INVALID, Verdict.MALFORMED);
    }

    @Test
    void recover_withMulHiProducts_asGpusCompileIt_givesTheReferenceKeys() {
        OpenClTestSupport.requireDevice();
        AdversarialItems gen = new AdversarialItems(Scheme.ECDSA_SECP256K1, 505, 100);
        RecoverBatchBuilder b = RecoverBatch.builder(RuleSet.STANDARD, 2_000);
        gen.recoverItems(2_000).forEach(it -> b.add(it.item()));
        RecoverBatch batch = b.build();
        try (OpenClBackend mulHi = OpenClBackend.open(OpenClTestSupport.context().withSettings(
                Map.of("cacheDir", OpenClTestSupport.cacheDir().toString(), "int128", false)))) {
            RecoveredKeys dev = mulHi.recover(batch);
            RecoveredKeys ref = OpenClTestSupport.cpu().recover(batch);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (!ref.outcome(i).equals(dev.outcome(i)) || !Arrays.equals(ref.uncompressed(i), dev.uncompressed(i))) {
                    failures.add(i + ": reference " + ref.outcome(i) + ", device " + dev.outcome(i));
                }
            }
            assertThat(failures).isEmpty();
        }
    }

    @Test
    void aBatchWithNothingPending_needsNoDevice() {
        RecoverBatch batch = RecoverBatch.builder(RuleSet.STANDARD)
                .add(new EncodedItem(null, null, new byte[32], new byte[65], null, null)).build();
        RecoveredKeys got = OpenClTestSupport.backend().recover(batch);
        assertThat(got.outcome(0)).isEqualTo(Outcome.INVALID);
        assertThat(got.uncompressed(0)).isNull();
    }
}
