package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.crypto.testing.Ed25519Torsion;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/** Crafted small-order components in R and A: the OpenCL backend answers exactly as Bouncy Castle does. */
class OpenClEd25519TorsionTest {

    @Test
    void verify_torsionInROrA_agreesWithBouncyCastleOnEveryItem() {
        List<Ed25519Torsion.Crafted> crafted = AdversarialItems.torsion(8_008L, 240);
        List<EncodedItem> items = crafted.stream().map(Ed25519Torsion.Crafted::item).toList();
        VerifyBatchBuilder b = VerifyBatch.builder(Scheme.ED25519, RuleSet.STANDARD, items.size());
        items.forEach(b::add);
        VerifyBatch batch = b.build();
        Outcome[] gpu = OpenClTestSupport.backend().verify(batch);
        Outcome[] cpu = OpenClTestSupport.cpu().verify(batch);
        List<String> failures = new ArrayList<>();
        int valid = 0;
        int cofactorlessInvalid = 0;
        for (int i = 0; i < items.size(); i++) {
            EncodedItem it = items.get(i);
            boolean bc = Ed25519.verify(it.signature(), 0, it.publicKey(), 0, it.message(), 0, it.message().length);
            valid += bc ? 1 : 0;
            cofactorlessInvalid += crafted.get(i).cofactorlessValid() ? 0 : 1;
            if (gpu[i].verdict() != (bc ? Verdict.VALID : Verdict.INVALID) || !gpu[i].equals(cpu[i])) {
                failures.add("item " + i + ": bouncy castle " + bc + ", cpu " + cpu[i] + ", opencl " + gpu[i]);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(valid).as("crafted items accepted by the reference").isPositive();
        assertThat(cofactorlessInvalid).as("items whose small-order remainder D is not zero").isPositive();
        assertThat(items.size() - cofactorlessInvalid).as("items where [S]B = R + [k]A holds exactly").isPositive();
    }

    @Test
    void verify_torsionPointAddedToValidR_isInvalidAsInBouncyCastle() {
        List<EncodedItem> items = AdversarialItems.torsion(77L, 40).stream().map(Ed25519Torsion.Crafted::item).toList();
        VerifyBatchBuilder b = VerifyBatch.builder(Scheme.ED25519, RuleSet.STANDARD, items.size());
        for (EncodedItem it : items) {
            byte[] sig = it.signature().clone();
            sig[0] ^= 1;
            b.add(EncodedItem.ofMessage(it.publicKey(), it.message(), sig));
        }
        VerifyBatch batch = b.build();
        Outcome[] gpu = OpenClTestSupport.backend().verify(batch);
        Outcome[] cpu = OpenClTestSupport.cpu().verify(batch);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!gpu[i].equals(cpu[i])) {
                failures.add("item " + i + ": cpu " + cpu[i] + ", opencl " + gpu[i]);
            }
        }
        assertThat(failures).isEmpty();
    }
}
