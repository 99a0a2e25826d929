package dev.sigil.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.SoftwareKeys;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parallel path gives the same outcomes, in order, as one thread; slices keep their items. */
class CpuParallelTest {
    @Test
    void parallelVerify_equalsSequential_itemByItem() {
        Random rnd = new Random(5);
        SigningKey.Software key = SoftwareKeys.generate("p", Scheme.ECDSA_SECP256K1);
        VerifyBatchBuilder b = VerifyBatch.builder(Scheme.ECDSA_SECP256K1, RuleSet.STANDARD);
        for (int i = 0; i < 1000; i++) {
            byte[] msg = new byte[] {(byte) i, (byte) (i >> 8)};
            EncodedItem item = CpuSignVerifyTest.signed(key, msg, i % 3 == 0);
            b.add(rnd.nextBoolean() ? item : CpuSignVerifyTest.flipOneBit(item, rnd));
        }
        VerifyBatch batch = b.build();
        try (CpuBackend one = new CpuBackend(1); CpuBackend four = new CpuBackend(4)) {
            Outcome[] a = one.verify(batch);
            Outcome[] c = four.verify(batch);
            assertThat(c).containsExactly(a);
            assertThat(a).contains(Outcome.VALID, Outcome.INVALID);
            Outcome[] tail = four.verify(batch.slice(300, 1000));
            assertThat(tail).containsExactly(java.util.Arrays.copyOfRange(a, 300, 1000));
        }
    }
}
