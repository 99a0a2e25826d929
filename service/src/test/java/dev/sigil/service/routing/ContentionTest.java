package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ContentionTest {
    private static final Set<Scheme> P256 = Set.of(Scheme.ECDSA_P256);

    private static Map<String, Set<String>> sharing(Router router) {
        return router.snapshot().stream().collect(Collectors.toMap(Router.BackendSnapshot::id,
                Router.BackendSnapshot::sharesHardwareWith));
    }

    @Test
    void excess_isZeroForIndependentAndOneForFullyShared() {
        assertThat(ContentionCheck.excess(100, 40, 100)).isZero();
        assertThat(ContentionCheck.excess(100, 40, 140)).isEqualTo(1.0);
        assertThat(ContentionCheck.excess(100, 100, 110)).isEqualTo(0.1);
    }

    @Test
    void calibration_findsBackendsSharingOneCore_andLeavesIndependentOnesApart() throws InterruptedException {
        VirtualTime time = new VirtualTime();
        VirtualTime.Core core = new VirtualTime.Core();
        ControlledBackend a = ControlledBackend.verifier("a", BackendKind.TEST, Shared.cpu(), P256)
                .speed(0, 1_000).sharing(core).timedBy(time);
        ControlledBackend b = ControlledBackend.verifier("b", BackendKind.GPU, Shared.cpu(), P256)
                .speed(0, 1_000).sharing(core).timedBy(time);
        ControlledBackend c = ControlledBackend.verifier("c", BackendKind.TEST, Shared.cpu(), P256)
                .speed(0, 1_000).timedBy(time);
        try (Router router = Router.builder(List.of(a, b, c)).clock(time).build()) {
            assertThat(router.awaitCalibration(Duration.ofSeconds(60))).isTrue();
            assertThat(sharing(router)).containsEntry("a", Set.of("b")).containsEntry("b", Set.of("a"))
                    .containsEntry("c", Set.of());
        }
    }

    @Test
    void verify_largeBatchOnBackendsSharingHardware_runsWholeOnTheFasterOne() throws InterruptedException {
        VirtualTime time = new VirtualTime();
        VirtualTime.Core core = new VirtualTime.Core();
        ControlledBackend fast = ControlledBackend.verifier("fast", BackendKind.TEST, Shared.cpu(), P256)
                .speed(0, 1_000).sharing(core).timedBy(time);
        ControlledBackend slow = ControlledBackend.verifier("slow", BackendKind.TEST, Shared.cpu(), P256)
                .speed(0, 3_000).sharing(core).timedBy(time);
        try (Router router = Router.builder(List.of(slow, fast)).clock(time).build()) {
            assertThat(router.awaitCalibration(Duration.ofSeconds(60))).isTrue();
            assertThat(sharing(router)).containsEntry("fast", Set.of("slow"));
            VerifyBatch batch = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 200, new Random(12));
            Router.Routed routed = router.verify(batch, Optional.empty());
            assertThat(routed.itemsByBackend()).containsOnlyKeys("fast");
            assertThat(Shared.differences(batch, routed.outcomes())).isEmpty();
        }
    }
}
