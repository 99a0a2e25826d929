package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EngineComparisonTest {
    @Test
    void sizes_keepTheRunsBatchesFrom16To4096_andOnlyTheLargestWhenQuick() {
        assertThat(EngineComparison.sizes(List.of(1, 4, 16, 64, 1024, 4096, 16384), false))
                .containsExactly(16, 64, 1024, 4096);
        assertThat(EngineComparison.sizes(List.of(1, 16, 256), true)).containsExactly(256);
        assertThat(EngineComparison.sizes(List.of(1, 4), false)).isEmpty();
        assertThat(EngineComparison.sizes(List.of(1, 4), true)).isEmpty();
    }

    @Test
    void table_givesTheMedianRatio_itsRange_andTheScaling() {
        Table t = EngineComparison.table(List.of(new EngineComparison.Row("ed25519", "plain AWS-LC", 1024, 7,
                25_000, 31_250, 0.8, 0.72, 0.83, 0.81, 24_000, 47_000, 1.96)));
        String text = t.text();
        assertThat(text).contains("ed25519", "plain AWS-LC", "1024", "25,000", "31,250", "0.80×", "0.72–0.83",
                "0.81×", "47,000", "1.96×");
    }
}
