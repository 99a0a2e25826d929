package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Scheme;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingComparisonTest {
    private static final String BACKENDS = """
            {"backends":[{"id":"cpu","kind":"cpu","device":"x","schemes":["ecdsa-p256","sm2"],
            "operations":["verify","sign"],"healthy":true},
            {"id":"opencl","kind":"cpu","device":"y","schemes":["ecdsa-p256"],"operations":["verify"]},
            {"id":"hsm","kind":"hsm","device":"z","schemes":["ecdsa-p256"],"operations":["sign"]}]}""";

    @Test
    void verifiers_areTheBackendsListedAsVerifyingTheScheme() {
        assertThat(RoutingComparison.verifiers(BACKENDS, Scheme.ECDSA_P256)).containsExactly("cpu", "opencl");
        assertThat(RoutingComparison.verifiers(BACKENDS, Scheme.SM2)).containsExactly("cpu");
        assertThat(RoutingComparison.verifiers(BACKENDS, Scheme.ED25519)).isEmpty();
    }

    @Test
    void row_routedOverBestPinned_dividesByTheFastestPinnedBackend() {
        RoutingComparison.Row row = new RoutingComparison.Row("ecdsa-p256", 1024,
                Map.of("routed", 19_000.0, "cpu", 20_000.0, "opencl", 8_000.0), Map.of(), Map.of(), 0,
                Map.of("cpu", 970L, "opencl", 30L), Map.of());
        assertThat(row.bestPinned()).isEqualTo(20_000.0);
        assertThat(row.routedOverBestPinned()).isEqualTo(0.95);
        assertThat(RoutingComparison.table(List.of(row))).contains("0.95x",
                "routed items went to cpu 97.0 %, opencl 3.0 %, single items to none");
    }

    @Test
    void inTurn_everyModeOncePerRound_eachStartingARoundInTurn() {
        List<String> modes = List.of("routed", "cpu", "opencl");
        assertThat(RoutingComparison.inTurn(modes, 0)).containsExactly("routed", "cpu", "opencl");
        assertThat(RoutingComparison.inTurn(modes, 1)).containsExactly("cpu", "opencl", "routed");
        assertThat(RoutingComparison.inTurn(modes, 2)).containsExactly("opencl", "routed", "cpu");
        assertThat(RoutingComparison.inTurn(modes, 3)).containsExactly("routed", "cpu", "opencl");
        assertThat(modes).containsExactly("routed", "cpu", "opencl");
    }

    @Test
    void tally_addsTheBackendsCountsOfEachAnswer() {
        Map<String, Long> tally = new java.util.TreeMap<>();
        RoutingComparison.tally(
                "{\"rules\":\"standard\",\"results\":[\"valid\"],\"backends\":{\"cpu\":1000,\"opencl\":24}}", tally);
        RoutingComparison.tally("{\"results\":[\"valid\"],\"backends\": {\"cpu\": 1}}", tally);
        RoutingComparison.tally("{\"results\":[]}", tally);
        assertThat(tally).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of("cpu", 1001L, "opencl", 24L)));
        assertThat(RoutingComparison.shares(tally)).isEqualTo("cpu 97.7 %, opencl 2.3 %");
        assertThat(RoutingComparison.shares(Map.of())).isEqualTo("none");
    }
}
