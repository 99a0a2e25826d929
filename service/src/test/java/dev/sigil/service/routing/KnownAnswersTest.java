package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import org.junit.jupiter.api.Test;

class KnownAnswersTest {

    @Test
    void everyScheme_theCpuReferenceGivesTheKnownAnswers_halfValidHalfInvalid() {
        KnownAnswers ka = KnownAnswers.create();
        for (Scheme scheme : Scheme.values()) {
            Outcome[] expected = ka.expected(scheme);
            assertThat(expected).hasSize(2 * KnownAnswers.PAIRS);
            assertThat(expected).filteredOn(Outcome::isValid).hasSize(KnownAnswers.PAIRS);
            assertThat(Shared.cpu().verify(ka.batch(scheme))).as(scheme.wireName()).containsExactly(expected);
            Outcome[] wrong = expected.clone();
            wrong[0] = Outcome.INVALID;
            assertThat(ka.matches(scheme, wrong)).isFalse();
        }
    }
}
