package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifyRequestsTest {
    private static final BenchPools POOLS = new BenchPools(16,
            new Progress(new PrintStream(OutputStream.nullOutputStream())));

    @Test
    void bodies_mixSchemesRoundRobin_pinTheBackend_andAcceptOnlyTheCpuAnswerFromThePinnedBackend() throws Exception {
        List<Scheme> schemes = List.of(Scheme.ECDSA_P256, Scheme.ED25519, Scheme.SM2);
        List<LoadGenerator.Body> bodies = VerifyRequests.bodies(POOLS, schemes, 12, 3, "opencl");
        assertThat(bodies).hasSize(3);
        List<String> problems = new ArrayList<>();
        try (CpuBackend cpu = new CpuBackend(1)) {
            for (LoadGenerator.Body body : bodies) {
                JsonNode req = new ObjectMapper().readTree(body.bytes());
                assertThat(req.get("backend").asText()).isEqualTo("opencl");
                assertThat(req.get("items")).hasSize(12);
                StringBuilder answer = new StringBuilder("{\"results\":[");
                for (int i = 0; i < 12; i++) {
                    JsonNode item = req.get("items").get(i);
                    if (!item.get("scheme").asText().equals(schemes.get(i % 3).wireName())) {
                        problems.add("item " + i + " has scheme " + item.get("scheme"));
                    }
                    answer.append(i == 0 ? "\"" : ",\"").append(cpuVerdict(cpu, item)).append('"');
                }
                String results = answer.append("]").toString();
                byte[] right = (results + ",\"backends\":{\"opencl\":12}}").getBytes(StandardCharsets.UTF_8);
                byte[] wrong = new String(right, StandardCharsets.UTF_8).replaceFirst("\"valid\"", "\"invalid\"")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] failedOver = (results + ",\"backends\":{\"cpu\":12}}").getBytes(StandardCharsets.UTF_8);
                byte[] partly = (results + ",\"backends\":{\"opencl\":4,\"cpu\":8}}")
                        .getBytes(StandardCharsets.UTF_8);
                assertThat(body.accepts().test(200, right)).isTrue();
                assertThat(body.accepts().test(200, wrong)).isFalse();
                assertThat(body.accepts().test(503, right)).isFalse();
                assertThat(body.accepts().test(200, failedOver)).as("failed over to the cpu backend").isFalse();
                assertThat(body.accepts().test(200, partly)).as("partly failed over").isFalse();
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void bodies_withoutBackend_leaveRoutingToTheService() throws Exception {
        LoadGenerator.Body body = VerifyRequests.bodies(POOLS, List.of(Scheme.ECDSA_SECP256K1), 2, 1, null).getFirst();
        JsonNode req = new ObjectMapper().readTree(body.bytes());
        assertThat(req.has("backend")).isFalse();
        assertThat(req.get("rules").asText()).isEqualTo("standard");
    }

    private static String cpuVerdict(CpuBackend cpu, JsonNode item) {
        Scheme s = Scheme.fromWire(item.get("scheme").asText()).orElseThrow();
        EncodedItem e = EncodedItem.ofMessage(Hex.decode("publicKey", item.get("publicKey").asText()),
                Hex.decode("message", item.get("message").asText()), Hex.decode("signature",
                        item.get("signature").asText()));
        return cpu.verify(VerifyBatch.builder(s, RuleSet.STANDARD, 1).add(e).build())[0].verdict().wireName();
    }
}
