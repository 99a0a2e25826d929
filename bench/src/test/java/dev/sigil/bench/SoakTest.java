package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.Recoverer;
import dev.sigil.crypto.spi.Verifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The soak's comparison of verify and recovery between two backends: the CPU backend against itself agrees, a
 * recoverer that answers another point is counted item by item and shown, and a backend without recovery is soaked
 * on verify alone.
 */
class SoakTest {
    private static final List<Scheme> SCHEMES = List.of(Scheme.ECDSA_SECP256K1, Scheme.ED25519);
    private static CpuBackend cpu;

    @BeforeAll
    static void open() {
        cpu = new CpuBackend(2);
    }

    @AfterAll
    static void close() {
        cpu.close();
    }

    @Test
    void run_cpuAgainstItself_comparesVerifyAndRecovery_withoutDisagreement() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Soak.Tally t = Soak.run(cpu, new Wrapped(cpu, true, false), SCHEMES, true, 900, 100, 7, print(text));
        assertThat(t.items()).isEqualTo(900);
        assertThat(t.verifyItems()).isEqualTo(600);
        assertThat(t.recoverItems()).as("every third batch is a recovery batch").isEqualTo(300);
        assertThat(t.disagreements()).isZero();
        assertThat(text.toString(StandardCharsets.UTF_8)).doesNotContain("DISAGREE");
    }

    @Test
    void run_aRecovererThatAnswersAnotherPoint_isCountedItemByItem_andShown() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Wrapped faulty = new Wrapped(cpu, true, true);
        Soak.Tally t = Soak.run(cpu, faulty, SCHEMES, true, 900, 100, 8, print(text));
        assertThat(faulty.corrupted).isPositive();
        assertThat(t.recoverDisagreements()).isEqualTo(faulty.corrupted);
        assertThat(t.verifyDisagreements()).isZero();
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("soak: DISAGREE recover ecdsa-secp256k1/")
                .contains("cpu=valid").contains("wrapped=valid");
    }

    @Test
    void run_withoutRecovery_onEitherSide_orTurnedOff_soaksVerifyAlone() {
        PrintStream quiet = print(new ByteArrayOutputStream());
        Soak.Tally noRecoverer = Soak.run(cpu, new Wrapped(cpu, false, false), SCHEMES, true, 400, 100, 9, quiet);
        assertThat(noRecoverer.verifyItems()).isEqualTo(400);
        assertThat(noRecoverer.recoverItems()).isZero();
        Soak.Tally off = Soak.run(cpu, cpu, SCHEMES, false, 300, 100, 9, quiet);
        assertThat(off.recoverItems()).isZero();
        Soak.Tally noSecp = Soak.run(cpu, cpu, List.of(Scheme.ED25519), true, 200, 100, 9, quiet);
        assertThat(noSecp.recoverItems()).isZero();
        assertThat(noSecp.disagreements()).isZero();
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    /** The CPU backend under another id, with or without recovery; optionally moving every third valid point. */
    private static final class Wrapped implements Backend, Recoverer {
        private final CpuBackend inner;
        private final boolean recovers;
        private final boolean corrupt;
        private long corrupted;

        Wrapped(CpuBackend inner, boolean recovers, boolean corrupt) {
            this.inner = inner;
            this.recovers = recovers;
            this.corrupt = corrupt;
        }

        @Override
        public String id() {
            return "wrapped";
        }

        @Override
        public BackendKind kind() {
            return inner.kind();
        }

        @Override
        public String device() {
            return inner.device();
        }

        @Override
        public Optional<Verifier> verifier() {
            return inner.verifier();
        }

        @Override
        public Optional<Recoverer> recoverer() {
            return recovers ? Optional.of(this) : Optional.empty();
        }

        @Override
        public Set<Scheme> recoverableSchemes() {
            return inner.recoverableSchemes();
        }

        @Override
        public RecoveredKeys recover(RecoverBatch batch) {
            RecoveredKeys r = inner.recover(batch);
            if (!corrupt) {
                return r;
            }
            Outcome[] outcomes = r.outcomes().clone();
            byte[] points = r.points().clone();
            int valid = 0;
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i].isValid() && valid++ % 3 == 0) {
                    points[i * RecoveredKeys.POINT_BYTES + 63] ^= 1;
                    corrupted++;
                }
            }
            return new RecoveredKeys(outcomes, points);
        }

        @Override
        public void close() {
        }
    }
}
