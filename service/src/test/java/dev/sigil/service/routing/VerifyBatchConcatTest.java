package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerifyBatchConcatTest {
    private static CpuBackend cpu;
    private static TestItems items;

    @BeforeAll
    static void setUp() {
        cpu = new CpuBackend(2);
        items = TestItems.create(12, 11);
    }

    @AfterAll
    static void tearDown() {
        cpu.close();
    }

    @Test
    void concat_ofSlices_answersLikeTheWholeBatch() {
        List<String> problems = new ArrayList<>();
        Random rnd = new Random(5);
        for (Scheme scheme : Scheme.values()) {
            VerifyBatch whole = items.mixed(scheme, RuleSet.LOW_S, 40, rnd);
            VerifyBatch joined = VerifyBatch.concat(List.of(whole.slice(0, 7), whole.slice(7, 7),
                    whole.slice(7, 31), whole.slice(31, 40)));
            Outcome[] expected = cpu.verify(whole);
            Outcome[] got = cpu.verify(joined);
            if (joined.size() != whole.size() || joined.pendingCount() != whole.pendingCount()
                    || !Arrays.equals(expected, got) || !Arrays.equals(whole.digests(), joined.digests())
                    || !Arrays.equals(whole.messages(), joined.messages())
                    || !Arrays.equals(whole.messageOffsets(), joined.messageOffsets())) {
                problems.add(scheme + ": " + Arrays.toString(expected) + " vs " + Arrays.toString(got));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void concat_ofDifferentSchemesOrRules_isRejected() {
        VerifyBatch p256 = items.valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 2);
        VerifyBatch k1 = items.valid(Scheme.ECDSA_SECP256K1, RuleSet.STANDARD, 2);
        VerifyBatch p256low = items.valid(Scheme.ECDSA_P256, RuleSet.LOW_S, 2);
        assertThatThrownBy(() -> VerifyBatch.concat(List.of(p256, k1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerifyBatch.concat(List.of(p256, p256low)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerifyBatch.concat(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
