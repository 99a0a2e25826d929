package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.service.config.RoutingConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Measured costs from {@code sigil gpu-check}: the file, how devices combine, and the router starting from them. */
class CostPriorsTest {
    @TempDir
    Path dir;

    private static CostPriors.Device device(String backend, String name, Scheme s, double fixed, double perItem) {
        return new CostPriors.Device(backend, name, "1.0", Map.of(s, new CostPriors.Cost(fixed, perItem)));
    }

    @Test
    void writeThenRead_givesTheSameCosts_andNoFileIsNoPriors() throws Exception {
        assertThat(CostPriors.read(dir).devices()).isEmpty();
        CostPriors.of(List.of(device("opencl", "GPU A", Scheme.ECDSA_SECP256K1, 2_000_000, 0.2))).write(dir);
        CostPriors back = CostPriors.read(dir);
        assertThat(back.writtenAt()).isPresent();
        assertThat(back.verify("opencl", "GPU A", Scheme.ECDSA_SECP256K1)).contains(new CostPriors.Cost(2_000_000, 0.2));
        assertThat(back.verify("opencl", "GPU A", Scheme.SM2)).as("scheme not measured").isEmpty();
        assertThat(back.verify("opencl", "GPU B", Scheme.ECDSA_SECP256K1)).as("other device").isEmpty();
        assertThat(back.verify("cpu", "GPU A", Scheme.ECDSA_SECP256K1)).as("other backend").isEmpty();
    }

    @Test
    void severalDevices_ratesAddUp_andEveryDeviceMustBeMeasured() {
        CostPriors p = CostPriors.of(List.of(device("opencl", "GPU A", Scheme.ED25519, 1_000, 4.0),
                device("opencl", "GPU B", Scheme.ED25519, 3_000, 4.0)));
        CostPriors.Cost both = p.verify("opencl", "GPU A, GPU B", Scheme.ED25519).orElseThrow();
        assertThat(both.perItemNanos()).isCloseTo(2.0, within(1e-9));
        assertThat(both.fixedNanos()).isEqualTo(3_000);
        assertThat(p.verify("opencl", "GPU A, GPU A", Scheme.ED25519).orElseThrow().perItemNanos())
                .as("two devices of one model").isCloseTo(2.0, within(1e-9));
        assertThat(p.verify("opencl", "GPU A, GPU C", Scheme.ED25519)).isEmpty();
    }

    @Test
    void brokenFiles_areRefusedWithTheirName() throws Exception {
        Files.writeString(dir.resolve(CostPriors.FILE), "{not json");
        assertThatThrownBy(() -> CostPriors.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(CostPriors.FILE);
        Files.writeString(dir.resolve(CostPriors.FILE), "{\"format\": 7, \"devices\": []}");
        assertThatThrownBy(() -> CostPriors.read(dir)).hasMessageContaining("format");
        Files.writeString(dir.resolve(CostPriors.FILE),
                "{\"format\": 1, \"devices\": [{\"backend\": \"opencl\", \"name\": \"x\", \"verify\": "
                        + "{\"ed25519\": {\"fixedNanos\": -5, \"perItemNanos\": 0}}}]}");
        assertThatThrownBy(() -> CostPriors.read(dir)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CostPriors.Cost(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void router_startsFromTheMeasuredCosts_insteadOfTimingTheBackend() throws Exception {
        VirtualTime time = new VirtualTime();
        // the backend really runs at 200 µs + 50 µs per item; the file says 1 ms + 10 µs per item (a sweep's fit)
        ControlledBackend gpu = ControlledBackend.verifier("g", BackendKind.TEST, Shared.cpu(), Set.of(Scheme.ED25519))
                .speed(200, 50).timedBy(time);
        ControlledBackend other = ControlledBackend.verifier("c", BackendKind.TEST, Shared.cpu(),
                Set.of(Scheme.ED25519)).speed(200, 50).timedBy(time);
        CostPriors priors = CostPriors.of(List.of(device("g", gpu.device(), Scheme.ED25519, 1_000_000, 10_000)));
        try (Router router = Router.builder(List.of(gpu, other)).clock(time).meterRegistry(new SimpleMeterRegistry())
                .config(RoutingConfig.defaults().withProbeIntervalMs(3_600_000)).priors(priors).build()) {
            assertThat(router.awaitCalibration(Duration.ofSeconds(120))).isTrue();
            Router.BackendSnapshot g = snapshot(router, "g");
            assertThat(g.verify().get(Scheme.ED25519).itemsPerSecond()).isCloseTo(100_000, within(1.0));
            assertThat(g.verify().get(Scheme.ED25519).fixedMillis()).isCloseTo(1.0, within(1e-6));
            assertThat(snapshot(router, "c").verify().get(Scheme.ED25519).itemsPerSecond())
                    .as("no prior: timed as before").isCloseTo(20_000, within(4_000.0));
            // the known-answer batch still ran on it, but not the timed calibration's dozens of batches
            assertThat(gpu.calls()).isLessThan(other.calls() / 3);
        }
    }

    private static Router.BackendSnapshot snapshot(Router router, String id) {
        return router.snapshot().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
