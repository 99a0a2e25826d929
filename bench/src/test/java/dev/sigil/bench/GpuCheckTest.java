package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.testing.AdversarialItems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of gpu-check that need no device: options, the cost fit, the repeated batches, the table. */
class GpuCheckTest {

    @Test
    void options_defaults_andBadValuesAreRefusedWithTheUsage() {
        GpuCheck.Options o = GpuCheck.Options.parse(new String[0]);
        assertThat(o.out()).isEqualTo(Path.of("gpu-check-report"));
        assertThat(o.items()).isEqualTo(100_000);
        assertThat(o.maxBatch()).as("chosen per device").isEqualTo(-1);
        assertThat(GpuCheck.Options.parse(new String[] {"--items", "2000", "--max-batch", "4096"}).maxBatch())
                .isEqualTo(4096);
        assertThat(GpuCheck.Options.parse(new String[] {"--max-batch", "0"}).maxBatch()).isZero();
        assertThatThrownBy(() -> GpuCheck.Options.parse(new String[] {"--max-batch", "3000"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> GpuCheck.Options.parse(new String[] {"--max-batch", "512"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GpuCheck.Options.parse(new String[] {"--items", "-1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--items");
        assertThatThrownBy(() -> GpuCheck.Options.parse(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("usage");
        assertThatThrownBy(() -> GpuCheck.Options.parse(new String[] {"--out"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing value");
    }

    @Test
    void fit_recoversFixedAndPerItemCost() {
        List<double[]> points = List.of(new double[] {1024, 0.002 + 1024e-6}, new double[] {2048, 0.002 + 2048e-6},
                new double[] {4096, 0.002 + 4096e-6});
        double[] f = GpuSweep.fit(points);
        assertThat(f[0]).isCloseTo(0.002, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(f[1]).isCloseTo(1e-6, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void repeat_fillsTheBatchWithThePoolInOrder() {
        VerifyBatch pool = new AdversarialItems(Scheme.ED25519, 3L, 8).batch(RuleSet.STANDARD, 10);
        VerifyBatch big = GpuSweep.repeat(pool, 25);
        assertThat(big.size()).isEqualTo(25);
        for (int i = 0; i < 25; i++) {
            assertThat(big.key(i)).isEqualTo(pool.key(i % 10));
            assertThat(VerifyBatch.slot(big.r(), i)).isEqualTo(VerifyBatch.slot(pool.r(), i % 10));
            assertThat(big.message(i)).isEqualTo(pool.message(i % 10));
        }
        assertThat(GpuSweep.repeat(pool, 4).size()).isEqualTo(4);
    }

    @Test
    void table_showsDisagreementsAndTheVerdict() {
        Map<String, Object> device = Json.object("index", 0, "name", "dev", "type", "gpu", "platform", "p",
                "buildSeconds", 1.5, "deviceMemoryBytes", 4096L,
                "conformance", List.of(Json.object("scheme", "ed25519", "set", "s", "cases", 10, "failed", 0)),
                "differential", List.of(Json.object("scheme", "ed25519", "items", 100, "disagreements", 2,
                        "hostDecided", 3)),
                "sweep", List.of(Json.object("scheme", "ed25519", "points",
                        List.of(Json.object("batch", 1024, "itemsPerSecond", 5000.0)), "fixedMs", 1.25,
                        "crossoverBatch", 2048)));
        Map<String, Object> report = Json.object("devices", List.of(device), "failures", 2L, "ok", false,
                "seconds", 12.0);
        String t = GpuCheckReport.table(report);
        assertThat(t).contains("ed25519").contains("5,000").contains("2048").contains("2 failure(s)");
        assertThat(t.lines().filter(l -> l.contains("ed25519")).findFirst().orElseThrow())
                .containsPattern("100\\s+2\\s+3");
        assertThat(GpuCheckReport.html(report)).contains("FAILED").contains("&quot;disagreements&quot;");
    }
}
