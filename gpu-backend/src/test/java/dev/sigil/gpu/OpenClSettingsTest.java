package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.spi.BackendSetting;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The settings the OpenCL provider declares accept what {@link OpenClBackend#open} can use, and nothing else. */
class OpenClSettingsTest {
    private static final Map<String, BackendSetting> SETTINGS = new OpenClBackendProvider().settings().stream()
            .collect(Collectors.toMap(BackendSetting::name, Function.identity()));

    @Test
    void settings_acceptGoodValues_andRefuseBadOnes() {
        assertThat(SETTINGS.keySet()).containsExactlyInAnyOrder("deviceTypes", "cacheDir", "chunkItems", "localSize",
                "int128");
        assertThat(SETTINGS.get("deviceTypes").accepts()).accepts("gpu,cpu", "cpu", List.of("gpu", "accelerator"))
                .rejects("tpu", "", 3, List.of());
        assertThat(SETTINGS.get("localSize").accepts()).accepts(1, 64, 1024).rejects(0, 48, 2048, "64", 64L);
        assertThat(SETTINGS.get("chunkItems").accepts()).accepts(1, 16_384).rejects(0, -5, "16384", 1 << 25);
        assertThat(SETTINGS.get("int128").accepts()).accepts(true, false).rejects("yes", 1);
        assertThat(SETTINGS.get("cacheDir").accepts()).accepts("/tmp/x").rejects("", " ", 5);
    }
}
