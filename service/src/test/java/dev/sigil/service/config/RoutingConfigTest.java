package dev.sigil.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingConfigTest {

    @Test
    void fromSettings_emptySection_givesTheDefaults() {
        assertThat(RoutingConfig.fromSettings(Map.of())).isEqualTo(RoutingConfig.defaults());
        assertThat(RoutingConfig.fromSettings(null)).isEqualTo(RoutingConfig.defaults());
    }

    @Test
    void fromSettings_givenValues_areRead() {
        RoutingConfig c = RoutingConfig.fromSettings(Map.of("maxQueuedItems", 1000, "maxQueueDelayMs", 1500,
                "coalesce", Map.of("maxBatch", 256, "maxDelayMs", "5"), "probeIntervalMs", 250,
                "calibrate", false, "ewmaAlpha", 0.5, "minSplitItems", 8,
                "explore", Map.of("share", 0.1, "afterBatches", 20)));
        assertThat(c).isEqualTo(new RoutingConfig(1000, 1500, 256, 5, 250, false, 0.5, 8, 0.1, 20));
    }

    @Test
    void fromSettings_unknownKey_isRejectedWithItsPath() {
        assertThatThrownBy(() -> RoutingConfig.fromSettings(Map.of("coalesce", Map.of("maxBatchSize", 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routing.coalesce.maxBatchSize");
    }

    @Test
    void fromSettings_wrongTypeOrRange_isRejected() {
        assertThatThrownBy(() -> RoutingConfig.fromSettings(Map.of("maxQueuedItems", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueuedItems");
        assertThatThrownBy(() -> RoutingConfig.fromSettings(Map.of("maxQueuedItems", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxQueuedItems");
        assertThatThrownBy(() -> RoutingConfig.fromSettings(Map.of("calibrate", "yes")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calibrate");
        assertThatThrownBy(() -> RoutingConfig.fromSettings(Map.of("explore", Map.of("share", 0.9))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explore.share");
        assertThatThrownBy(() -> RoutingConfig.fromSettings(Map.of("explore", Map.of("afterBatches", 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explore.afterBatches");
    }
}
