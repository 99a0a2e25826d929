package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.service.config.RoutingConfig;
import dev.sigil.service.error.OverloadedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Work reserved for request bodies not decoded yet: at the cost per byte learned from decoded requests, so a flood
 * of huge requests is refused as it arrives, not after each waited to be decoded.
 */
class ReservationTest {

    @Test
    void reserve_learnsTheCostPerByte_refusesAFloodOfUndecodedBodies_andReleasesOnClose() throws Exception {
        VirtualTime time = new VirtualTime();
        ControlledBackend b = ControlledBackend.verifier("b", BackendKind.TEST, Shared.cpu(), Set.of(Scheme.ED25519))
                .speed(200, 100).timedBy(time);
        RoutingConfig config = RoutingConfig.defaults().withProbeIntervalMs(3_600_000).withMaxQueueDelayMs(1_000);
        try (Router router = Router.builder(List.of(b)).clock(time).meterRegistry(new SimpleMeterRegistry())
                .config(config).build()) {
            assertThat(router.awaitCalibration(Duration.ofSeconds(120))).isTrue();
            // nothing learned yet: a body is taken as items of a typical size at the estimated cost per item, so
            // 32 000 bytes are 100 items, 10 ms; a few huge bodies are held, then refused
            List<Router.Reservation> held = new ArrayList<>();
            int early = 0;
            for (int i = 0; i < 50; i++) {
                try {
                    held.add(router.reserve(Operation.VERIFY, 3_200_000));
                } catch (OverloadedException e) {
                    early++;
                }
            }
            assertThat(held.size()).as("1 s of work for 3.2 MB bodies").isBetween(1, 3);
            assertThat(early).isEqualTo(50 - held.size());
            held.forEach(Router.Reservation::close);
            held.clear();

            // one decoded request: 1 000 items in 100 000 bytes, about 100 µs per item, so 0.1 s of work
            Router.Reservation first = router.reserve(Operation.VERIFY, 100_000);
            router.admit(Operation.VERIFY, Map.of(Scheme.ED25519, 1_000), new Cancellation(), first).close();
            first.close();

            int refused = 0;
            for (int i = 0; i < 40; i++) {
                try {
                    held.add(router.reserve(Operation.VERIFY, 100_000));
                } catch (OverloadedException e) {
                    refused++;
                    assertThat(e.getMessage()).contains("target 1000 ms");
                }
            }
            assertThat(held.size()).as("about a second of work is held, then bodies are refused").isBetween(6, 16);
            assertThat(refused).isEqualTo(40 - held.size());
            assertThatThrownBy(() -> router.admit(Operation.VERIFY, Map.of(Scheme.ED25519, 10), new Cancellation()))
                    .as("decoded requests meet the same bound").isInstanceOf(OverloadedException.class);

            held.forEach(Router.Reservation::close);
            held.forEach(Router.Reservation::close); // closing twice releases once
            router.reserve(Operation.VERIFY, 100_000).close();
            router.admit(Operation.VERIFY, Map.of(Scheme.ED25519, 10), new Cancellation()).close();
        }
    }
}
